import { tableAnchor } from "@/components/databases/table-pages-nav";
import type { TablePreview } from "@/lib/sql/preview-rows";
import type { ColumnInfo, TableInfo } from "@/lib/sql/schema-types";
import { TableFrame } from "@/components/shell/table-frame";

function ColumnMarks({ column }: { column: ColumnInfo }) {
  if (column.generated) {
    return (
      <span
        className="mr-2 rounded bg-violet-100 px-1.5 py-0.5 text-violet-900"
        title="GENERATED ALWAYS AS (…): computed from the other columns"
      >
        generated ({column.generated})
      </span>
    );
  }
  if (column.hidden)
    return (
      <span
        className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-slate-700"
        title="not in SELECT *; select it by name"
      >
        hidden
      </span>
    );
  return null;
}

export function TableSchemaCard({ table, preview }: { table: TableInfo; preview?: TablePreview }) {
  const fkByColumn = new Map(
    table.foreignKeys.flatMap((fk) =>
      fk.columns.map((c, i) => [c, `${fk.refTable}.${fk.refColumns[i] ?? "?"}`] as const),
    ),
  );
  return (
    <section
      id={tableAnchor(table.name)}
      aria-label={`Table ${table.name}`}
      className="rounded-lg border border-slate-200 bg-white"
    >
      <header className="flex items-baseline justify-between border-b border-slate-100 px-4 py-2">
        <h2 className="font-mono font-semibold">{table.name}</h2>
        <span className="text-xs text-slate-500">
          {table.rowCount === null ? "rows unknown" : `${table.rowCount} rows`}
        </span>
      </header>
      <TableFrame>
        <table className="w-full text-sm" aria-label={`Columns of ${table.name}`}>
          <thead className="text-left text-xs uppercase text-slate-500">
            <tr>
              <th className="px-4 py-1">Column</th>
              <th className="px-4 py-1">Type</th>
              <th className="px-4 py-1">Key</th>
            </tr>
          </thead>
          <tbody>
            {table.columns.map((column) => (
              <tr key={column.name} className="border-t border-slate-50">
                <td className="px-4 py-1 font-mono">{column.name}</td>
                <td className="px-4 py-1 text-slate-600">{column.type || "—"}</td>
                <td className="px-4 py-1 text-xs">
                  <ColumnMarks column={column} />
                  {column.primaryKey ? (
                    <span className="mr-2 rounded bg-amber-100 px-1.5 py-0.5 text-amber-900">PK</span>
                  ) : null}
                  {fkByColumn.has(column.name) ? (
                    <span className="rounded bg-sky-100 px-1.5 py-0.5 text-sky-900">
                      FK → {fkByColumn.get(column.name)}
                    </span>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableFrame>
      {preview ? <RowsPreview preview={preview} /> : null}
    </section>
  );
}

function RowsPreview({ preview }: { preview: TablePreview }) {
  if (preview.error)
    return <p className="border-t border-slate-100 px-4 py-2 text-xs text-amber-800">{preview.error}</p>;
  if (!preview.rows.length) {
    const text = preview.truncated
      ? "Rows not shown: the first row is larger than a preview holds."
      : "No rows.";
    return <p className="border-t border-slate-100 px-4 py-2 text-xs text-slate-500">{text}</p>;
  }
  return (
    <TableFrame className="border-t border-slate-100">
      <table className="w-full text-xs" aria-label={`First rows of ${preview.table}`}>
        <thead className="bg-slate-50 text-left text-slate-500">
          <tr>
            {preview.columns.map((c) => (
              <th key={c} className="px-3 py-1 font-mono font-normal">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row, i) => (
            <tr key={i} className="border-t border-slate-50">
              {row.map((value, j) => (
                <td key={j} className="max-w-64 truncate px-3 py-1 font-mono">
                  {value === null ? <span className="text-slate-400">NULL</span> : String(value)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableFrame>
  );
}
