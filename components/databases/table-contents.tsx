import Link from "next/link";
import { tableAnchor } from "@/components/databases/table-pages-nav";

type TableEntry = { name: string; page: number; columns: number };

/**
 * The schema's table of contents: every table with its column count, linking to its card (on this
 * page by anchor, on another page through ?page=N#anchor), so a long schema is one click away.
 */
export function TableContents({
  database,
  page,
  tables,
}: {
  database: string;
  page: number;
  tables: TableEntry[];
}) {
  if (!tables.length) return null;
  return (
    <nav
      aria-label="Table of contents"
      className="mb-4 rounded-lg border border-slate-200 bg-white p-3 text-sm"
    >
      <h2 className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-500">
        {tables.length} {tables.length === 1 ? "table" : "tables"}
      </h2>
      <ol className="columns-1 gap-6 font-mono text-xs sm:columns-2 md:columns-3 xl:columns-4">
        {tables.map((t) => {
          const href =
            t.page === page
              ? `#${tableAnchor(t.name)}`
              : `/databases/${encodeURIComponent(database)}?page=${t.page}#${tableAnchor(t.name)}`;
          return (
            <li key={t.name} className="flex justify-between gap-2 break-inside-avoid py-0.5">
              <Link className="truncate text-sky-700 hover:underline" href={href}>
                {t.name}
              </Link>
              <span className="shrink-0 text-slate-500" aria-label={`${t.columns} columns`}>
                {t.columns} {t.columns === 1 ? "col" : "cols"}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
