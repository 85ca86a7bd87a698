import { format } from "sql-formatter";

/**
 * SQL laid out for reading (sql-formatter, SQLite dialect, keywords upper case); SQL it cannot
 * parse is returned as written, so nothing is lost.
 */
export function formatSqlForDisplay(sql: string): string {
  try {
    return format(sql, { language: "sqlite", keywordCase: "upper", tabWidth: 2 });
  } catch {
    return sql;
  }
}
