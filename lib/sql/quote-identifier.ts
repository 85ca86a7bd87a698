/** Quotes a SQLite identifier ("a""b"), so table names from files can be used in statements. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
