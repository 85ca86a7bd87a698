"use client";

import type { ConsoleSchema } from "@/lib/databases/console/read-console-schema";

/** The database's tables and their columns; a click puts the name into the editor at the caret. */
export function ConsoleSchemaPanel({
  schema,
  loading,
  onInsert,
}: {
  schema: ConsoleSchema | undefined;
  loading: boolean;
  onInsert: (name: string) => void;
}) {
  return (
    <nav
      aria-label="Schema"
      className="max-h-[32rem] overflow-y-auto rounded-lg border border-slate-200 bg-white p-2 text-sm"
    >
      <h2 className="mb-1 px-1 text-xs font-medium uppercase tracking-wide text-slate-500">Tables</h2>
      {loading ? <p className="px-1 text-xs text-slate-500">Loading…</p> : null}
      {schema && !schema.tables.length ? <p className="px-1 text-xs text-slate-500">No tables.</p> : null}
      <ul>
        {schema?.tables.map((table) => (
          <li key={table.name}>
            <details>
              <summary className="cursor-pointer rounded px-1 py-0.5 font-mono text-xs hover:bg-slate-100">
                <button
                  type="button"
                  className="hover:underline"
                  title={`Insert ${table.name}`}
                  onClick={() => onInsert(table.name)}
                >
                  {table.name}
                </button>
              </summary>
              <ul aria-label={`Columns of ${table.name}`} className="ml-4">
                {table.columns.map((column) => (
                  <li key={column.name} className="flex items-baseline justify-between gap-2">
                    <button
                      type="button"
                      className="font-mono text-xs hover:underline"
                      title={`Insert ${column.name}`}
                      onClick={() => onInsert(column.name)}
                    >
                      {column.name}
                    </button>
                    <span className="text-[10px] uppercase text-slate-400">{column.type}</span>
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
    </nav>
  );
}
