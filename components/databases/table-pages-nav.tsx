import Link from "next/link";

type TablePage = { page: number; pages: number; first: number; last: number; totalTables: number };

const pageHref = (database: string, page: number) =>
  `/databases/${encodeURIComponent(database)}?page=${page}`;
export const tableAnchor = (table: string) => `table-${encodeURIComponent(table)}`;

/** Which tables this page shows and links to the other pages (the contents list every table: table-contents.tsx). */
export function TablePagesNav({ database, tablePage }: { database: string; tablePage: TablePage }) {
  const { page, pages, first, last, totalTables } = tablePage;
  if (pages <= 1) return null;
  return (
    <nav aria-label="Table pages" className="mb-4 rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <div className="flex flex-wrap items-center gap-3">
        <span data-testid="table-range">
          Tables {first}–{last} of {totalTables}
        </span>
        {page > 1 ? (
          <Link className="text-sky-700 hover:underline" href={pageHref(database, page - 1)}>
            ← Previous tables
          </Link>
        ) : null}
        {page < pages ? (
          <Link className="text-sky-700 hover:underline" href={pageHref(database, page + 1)}>
            Next tables →
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
