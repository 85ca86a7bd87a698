// Formats SQL for reading with sql-formatter (SQLite dialect only): each clause on its own line, lists
// and subqueries indented, keywords upper case. Literals and quoted names are kept exactly. SQL it
// cannot parse (a model's broken answer, say) is shown as written.
import { formatDialect, sqlite } from "sql-formatter";

export function formatSql(sql: string): string {
  try {
    // formatDialect with the one dialect leaves the others' grammars out of the browser's bundle
    return formatDialect(sql, { dialect: sqlite, keywordCase: "upper", tabWidth: 2 });
  } catch {
    return sql.trim();
  }
}
