import { formatDateTime } from "@/lib/util/date-time";

/** A moment as the dashboard shows them all (UTC, zone written out), machine-readable in dateTime. */
export function DateTime({
  at,
  seconds = false,
}: {
  at: string | Date | null | undefined;
  seconds?: boolean;
}) {
  const text = formatDateTime(at, { seconds });
  if (text === "—" || !at) return <>{text}</>;
  return <time dateTime={new Date(at).toISOString()}>{text}</time>;
}
