/** A SQLite value as it travels to the browser: JSON-safe, blobs described, long text cut. */
export type DisplayValue = string | number | null;

const MAX_TEXT = 500;

export function toDisplayValue(value: unknown): DisplayValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return value;
  if (typeof value === "bigint") return value.toString();
  if (Buffer.isBuffer(value)) return `<blob ${value.length} bytes>`;
  const text = String(value);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}
