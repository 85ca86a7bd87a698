import type { AuditDetailLine } from "@/lib/audit/audit-filters";

/** An entry's detail as the server wrote it in words: `key: value`, or `key: before → after`. */
export function AuditDetailList({ lines }: { lines: AuditDetailLine[] }) {
  if (!lines.length) return null;
  return (
    <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 text-xs">
      {lines.map((line) => (
        <div key={line.key} className="contents">
          <dt className="text-slate-500">{line.key}</dt>
          <dd className="break-all">
            {"value" in line ? (
              line.value
            ) : (
              <>
                <span className="text-slate-500">{line.from}</span> <span aria-label="changed to">→</span>{" "}
                {line.to}
              </>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
