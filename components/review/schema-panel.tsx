import type { TableInfo } from "@/lib/sql/schema-types";

/** The database's tables and columns; those the SQL uses are highlighted. */
export function SchemaPanel({
  database,
  tables,
  used,
}: {
  database: string;
  tables: TableInfo[];
  used: { tables: string[]; columns: string[] };
}) {
  const usedTables = new Set(used.tables);
  const usedColumns = new Set(used.columns);
  return (
    <section aria-label="Schema" className="rounded-lg border border-slate-200 bg-white p-3 text-xs">
      <h3 className="mb-2 font-medium text-slate-700">Schema of {database}</h3>
      <div className="grid grid-cols-1 gap-2 md:grid-cols-2 xl:grid-cols-3">
        {tables.map((t) => (
          <div
            key={t.name}
            data-used={usedTables.has(t.name) || undefined}
            className={`rounded border p-2 ${usedTables.has(t.name) ? "border-amber-400 bg-amber-50" : "border-slate-200"}`}
          >
            <div className="font-mono font-semibold">
              {t.name} <span className="font-normal text-slate-500">{t.rowCount ?? "?"} rows</span>
            </div>
            <ul className="mt-1 space-y-0.5 font-mono">
              {t.columns.map((c) => {
                const fk = t.foreignKeys.find((f) => f.columns.includes(c.name));
                const isUsed = usedColumns.has(`${t.name}.${c.name}`);
                return (
                  <li
                    key={c.name}
                    data-used={isUsed || undefined}
                    className={isUsed ? "font-semibold text-amber-800" : "text-slate-700"}
                  >
                    {c.name} <span className="text-slate-400">{c.type}</span>
                    {c.primaryKey ? <span className="text-sky-700"> PK</span> : null}
                    {fk ? (
                      <span className="text-violet-700">
                        {" "}
                        → {fk.refTable}.{fk.refColumns[fk.columns.indexOf(c.name)]}
                      </span>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}
