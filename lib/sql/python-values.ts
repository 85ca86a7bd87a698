// Keys that make JavaScript values of SQLite results compare the way Python compares the values
// the official evaluators get from sqlite3: 1 == 1.0, '1' != 1, None only equals None.

/** A string that is equal for two values exactly when Python's == (and hash) says they are equal. */
export function valueKey(value: unknown): string {
  if (value === null || value === undefined) return "z";
  if (typeof value === "number") return Number.isNaN(value) ? `nan:${Math.random()}` : `n:${value}`; // NaN != NaN
  if (typeof value === "bigint") {
    const asNumber = Number(value);
    return Number.isSafeInteger(asNumber) ? `n:${asNumber}` : `i:${value.toString()}`;
  }
  if (typeof value === "string") return `s:${value}`;
  if (value instanceof Uint8Array) return `b:${Buffer.from(value).toString("hex")}`;
  if (typeof value === "boolean") return `n:${value ? 1 : 0}`;
  return `o:${String(value)}`;
}

/** A row as a key: equal for rows whose values are pairwise equal, in order. */
export function rowKey(row: readonly unknown[]): string {
  return JSON.stringify(row.map(valueKey));
}

/** A row as a key that ignores the order of its values (a multiset of values). */
export function unorderedRowKey(row: readonly unknown[]): string {
  return JSON.stringify(row.map(valueKey).sort());
}

/** Counts of keys, for multiset comparison. */
export function countKeys(keys: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

export function sameCounts(a: Map<string, number>, b: Map<string, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, n] of a) if (b.get(key) !== n) return false;
  return true;
}
