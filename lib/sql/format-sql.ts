// Formats SQL for reading with sql-formatter (SQLite dialect): each clause on its own line, lists
// and subqueries indented, keywords upper case. Literals and quoted names are kept exactly. SQL it
// cannot parse (a model's broken answer, say) is shown as written.
import { format } from "sql-formatter";

export function formatSql(sql: string): string {
  try {
    return format(sql, { language: "sqlite", keywordCase: "upper", tabWidth: 2 });
  } catch {
    return sql.trim();
  }
}
