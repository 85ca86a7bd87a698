// How a schema is split into pages for the schema page and GET /api/databases/<name>: at most
// TABLES_PER_PAGE tables and COLUMNS_PER_PAGE columns a page (a wider table gets a page of its
// own), so what one request returns is bounded whatever the schema.

export const TABLES_PER_PAGE = 25;
export const COLUMNS_PER_PAGE = 1_000;

/** The page (from 1) of each table, in order. */
export function tablePages(tables: { columns: unknown[] }[]): number[] {
  const pages: number[] = [];
  let page = 1;
  let tablesOnPage = 0;
  let columnsOnPage = 0;
  for (const table of tables) {
    if (
      tablesOnPage > 0 &&
      (tablesOnPage === TABLES_PER_PAGE || columnsOnPage + table.columns.length > COLUMNS_PER_PAGE)
    ) {
      page++;
      tablesOnPage = 0;
      columnsOnPage = 0;
    }
    tablesOnPage++;
    columnsOnPage += table.columns.length;
    pages.push(page);
  }
  return pages;
}
