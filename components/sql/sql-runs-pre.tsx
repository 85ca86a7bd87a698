import { sqlRunClass } from "@/components/sql/sql-run-classes";
import type { SqlRun } from "@/lib/sql/highlight-sql";

/** Highlighted SQL runs in the dark code block of read-only SQL. */
export function SqlRunsPre({ runs, label }: { runs: SqlRun[]; label?: string }) {
  return (
    <pre
      aria-label={label}
      className="overflow-x-auto rounded-lg bg-slate-900 p-4 font-mono text-sm leading-relaxed text-slate-100"
    >
      <code>
        {runs.map((run, i) =>
          run.kind ? (
            <span key={i} className={sqlRunClass[run.kind]}>
              {run.text}
            </span>
          ) : (
            run.text
          ),
        )}
      </code>
    </pre>
  );
}
