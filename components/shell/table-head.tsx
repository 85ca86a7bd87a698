/** The header row of the dashboard's list tables; a column name ending in ">" is right-aligned. */
export function TableHead({ columns }: { columns: string[] }) {
  return (
    <thead className="bg-slate-100 text-left text-xs uppercase tracking-wide text-slate-600">
      <tr>
        {columns.map((column) => {
          const right = column.endsWith(">");
          return (
            <th key={column} className={`px-3 py-2${right ? " text-right" : ""}`}>
              {right ? column.slice(0, -1) : column}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
