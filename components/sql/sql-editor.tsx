"use client";

import { useRef, useState } from "react";
import { highlightSql } from "@/components/sql/highlight-sql";
import { completionsFor, wordBeforeCaret } from "@/components/sql/sql-completion";

const shared = "m-0 min-h-40 w-full whitespace-pre-wrap break-words p-3 font-mono text-sm leading-6";

type Props = {
  value: string;
  onChange: (sql: string) => void;
  onSubmit?: () => void; // Ctrl/Cmd+Enter
  onSave?: () => void; // Ctrl/Cmd+S
  onEscape?: () => void;
  completions?: readonly string[]; // schema names offered while typing; Tab takes the first
  autoFocus?: boolean;
  label: string;
};

/** A SQL text area with syntax highlighting drawn behind transparent text, and schema completion. */
export function SqlEditor({ value, onChange, onSubmit, onSave, onEscape, completions, autoFocus, label }: Props) {
  const backdrop = useRef<HTMLPreElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState(value.length);
  const typed = completions?.length ? wordBeforeCaret(value, caret) : null;
  const offered = typed ? completionsFor(typed.word, completions ?? []) : [];
  const complete = (name: string) => {
    if (!typed) return;
    const next = value.slice(0, typed.start) + name + value.slice(caret);
    onChange(next);
    const at = typed.start + name.length;
    setCaret(at);
    requestAnimationFrame(() => area.current?.setSelectionRange(at, at));
  };
  return (
    <div>
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
          ref={area}
          aria-label={label}
          value={value}
          spellCheck={false}
          autoFocus={autoFocus}
          onChange={(e) => {
            onChange(e.target.value);
            setCaret(e.target.selectionStart);
          }}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
          onScroll={(e) => {
            if (backdrop.current) backdrop.current.scrollTop = e.currentTarget.scrollTop;
          }}
          onKeyDown={(e) => {
            const mod = e.ctrlKey || e.metaKey;
            if (e.key === "Enter" && mod) {
              e.preventDefault();
              onSubmit?.();
            } else if (e.key.toLowerCase() === "s" && mod && onSave) {
              e.preventDefault();
              onSave();
            } else if (e.key === "Tab" && offered[0]) {
              e.preventDefault();
              complete(offered[0]);
            } else if (e.key === "Escape" && onEscape) {
              e.preventDefault();
              onEscape();
            }
          }}
          className={`${shared} relative resize-y bg-transparent text-transparent caret-white outline-none`}
        />
      </div>
      {offered.length ? (
        <div aria-label="Completions" className="mt-1 flex flex-wrap items-center gap-1 text-xs">
          <span className="text-slate-500">Tab:</span>
          {offered.map((name, i) => (
            <button key={name} type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => complete(name)} className={`rounded px-1.5 py-0.5 font-mono ${i === 0 ? "bg-sky-100 text-sky-900" : "bg-slate-100"}`}>
              {name}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
