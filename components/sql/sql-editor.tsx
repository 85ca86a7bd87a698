"use client";

import { useRef } from "react";
import { highlightSql } from "@/components/sql/highlight-sql";

const shared = "m-0 min-h-40 w-full whitespace-pre-wrap break-words p-3 font-mono text-sm leading-6";

/** A SQL text area with syntax highlighting drawn behind transparent text. Ctrl/Cmd+Enter submits. */
export function SqlEditor({ value, onChange, onSubmit, label }: { value: string; onChange: (sql: string) => void; onSubmit?: () => void; label: string }) {
  const backdrop = useRef<HTMLPreElement>(null);
  return (
    <div className="relative rounded-lg bg-slate-900">
      <pre ref={backdrop} aria-hidden className={`${shared} pointer-events-none absolute inset-0 overflow-hidden text-slate-100`}>
        {highlightSql(value).map((token, i) => (
          <span key={i} className={token.className}>
            {token.text}
          </span>
        ))}
        {"\n"}
      </pre>
      <textarea
        aria-label={label}
        value={value}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        onScroll={(e) => {
          if (backdrop.current) backdrop.current.scrollTop = e.currentTarget.scrollTop;
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            onSubmit?.();
          }
        }}
        className={`${shared} relative resize-y bg-transparent text-transparent caret-white outline-none`}
      />
    </div>
  );
}
