// One way to show a moment, everywhere in the dashboard: "2026-12-02 13:46 UTC". UTC, so that the
// server's render and the browser's agree and two people comparing notes see the same time; the
// zone is always written out. Seconds only where they matter (the audit log, item history).

/** "YYYY-MM-DD HH:MM UTC" (or with seconds), or "—" for no date. */
export function formatDateTime(
  at: string | Date | null | undefined,
  options: { seconds?: boolean } = {},
): string {
  if (at === null || at === undefined) return "—";
  const date = typeof at === "string" ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return "—";
  const iso = date.toISOString(); // 2026-12-02T13:46:05.123Z
  return `${iso.slice(0, 10)} ${iso.slice(11, options.seconds ? 19 : 16)} UTC`;
}
