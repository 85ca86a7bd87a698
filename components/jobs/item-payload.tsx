import Link from "next/link";

/** A job item's payload as stored (JSON): its task as a link, other fields as `key value` words. */
export function ItemPayload({ payloadJson }: { payloadJson: string }) {
  let payload: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(payloadJson);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
      throw new Error("not an object");
    payload = parsed as Record<string, unknown>;
  } catch {
    return <span className="text-slate-500">{payloadJson}</span>;
  }
  const { taskId, ...rest } = payload;
  const words = Object.entries(rest).map(
    ([key, value]) => `${key} ${typeof value === "string" ? value : JSON.stringify(value)}`,
  );
  return (
    <span className="text-slate-500" title={payloadJson}>
      {typeof taskId === "string" ? (
        <Link href={`/tasks/${encodeURIComponent(taskId)}`} className="text-sky-700 hover:underline">
          task …{taskId.slice(-8)}
        </Link>
      ) : null}
      {typeof taskId === "string" && words.length ? " · " : null}
      {words.join(" · ")}
    </span>
  );
}
