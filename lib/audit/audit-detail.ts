import type { AuditDetailLine } from "@/lib/audit/audit-filters";
import { formatDateTime } from "@/lib/util/date-time";

// An entry's detail in words: `key: value` lines (nested objects as dotted keys), `{ from, to }`
// as a change, review decisions as the fields their action changed. Secrets never leave the
// server: a value under a key that names one is shown only when it is one of the words the app
// writes there itself (`(reset)`, `kept`...), never a value.

const SECRET_KEY = /pass(word)?|secret|token(?!s?name)|api.?key|hash|cookie|authorization|credential/i;
const SAFE_MARKERS = new Set([
  "(reset)",
  "(set)",
  "replaced",
  "removed",
  "none",
  "kept",
  "dropped (the base URL changed)",
]);
const MAX_VALUE = 300;
const HIDDEN = "(hidden)";

/** A moment as the app writes it (toISOString): shown as every date on the pages is. */
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function text(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string" && ISO_MOMENT.test(value)) return formatDateTime(value, { seconds: true });
  if (typeof value === "string")
    return value.length > MAX_VALUE
      ? `${value.slice(0, MAX_VALUE)}… (${value.length.toLocaleString("en")} characters)`
      : value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map(text).join(", ") || "—";
  return text(JSON.stringify(value));
}

const isChange = (v: unknown): v is { from: unknown; to: unknown } =>
  typeof v === "object" &&
  v !== null &&
  !Array.isArray(v) &&
  Object.keys(v).length === 2 &&
  "from" in v &&
  "to" in v;

function shown(key: string, value: unknown): string {
  if (!SECRET_KEY.test(key)) return text(value);
  return typeof value === "string" && SAFE_MARKERS.has(value) ? value : HIDDEN;
}

function lines(prefix: string, value: Record<string, unknown>, out: AuditDetailLine[], depth: number): void {
  for (const [name, v] of Object.entries(value)) {
    if (v === undefined) continue;
    const key = prefix ? `${prefix}.${name}` : name;
    if (isChange(v)) out.push({ key, from: shown(key, v.from), to: shown(key, v.to) });
    else if (typeof v === "object" && v !== null && !Array.isArray(v) && depth < 3 && !SECRET_KEY.test(key))
      lines(key, v as Record<string, unknown>, out, depth + 1);
    else out.push({ key, value: shown(key, v) });
  }
}

function parseObject(json: string | null): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json ?? "{}");
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : { value };
  } catch {
    return { detail: json };
  }
}

/** The lines of an audit event's detail_json. */
export function describeEventDetail(detailJson: string): AuditDetailLine[] {
  const out: AuditDetailLine[] = [];
  lines("", parseObject(detailJson), out, 0);
  return out;
}

const REVIEW_SKIPPED = new Set(["editedResultJson", "resultJson", "leaseOwnerId", "leaseExpiresAt"]);

/** A review decision: each field its action changed, before → after (and whether it was undone). */
export function describeReviewDetail(
  beforeJson: string,
  afterJson: string,
  undoneAt: Date | null,
): AuditDetailLine[] {
  const before = parseObject(beforeJson);
  const after = parseObject(afterJson);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
    (f) => !REVIEW_SKIPPED.has(f),
  );
  const out: AuditDetailLine[] = fields
    .filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null))
    .map((key) => ({ key, from: shown(key, before[key]), to: shown(key, after[key]) }));
  if (undoneAt) out.push({ key: "undone", value: undoneAt.toISOString() });
  return out;
}
