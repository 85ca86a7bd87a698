import { highlightSql } from "@/components/sql/highlight-sql";

/** SQL shown read-only with keyword highlighting. */
export function SqlBlock({ sql, label }: { sql: string; label?: string }) {
  return (
    <pre aria-label={label} className="overflow-x-auto rounded-lg bg-slate-900 p-4 font-mono text-sm leading-relaxed text-slate-100">
      <code>
        {highlightSql(sql).map((token, i) => (
          <span key={i} className={token.className}>
            {token.text}
          </span>
        ))}
      </code>
    </pre>
  );
}
