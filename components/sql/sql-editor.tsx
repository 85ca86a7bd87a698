"use client";

import { Compartment, EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { useEffect, useRef } from "react";
import { formatSql } from "@/lib/sql/format-sql";
import {
  editorExtensions,
  sqlLanguage,
  type EditorKeys,
  type SqlSchema,
} from "@/components/sql/sql-editor-setup";

type Props = EditorKeys & {
  value: string;
  onChange: (sql: string) => void;
  schema?: SqlSchema; // tables and their columns, offered while typing; Tab or Enter takes the one chosen
  autoFocus?: boolean;
  label: string;
  /** The editor's view, for inserting text (a schema panel) from outside. */
  viewRef?: { current: EditorView | null };
};

/** The SQL editor of the console and the review (CodeMirror 6, SQLite dialect). */
export function SqlEditor({
  value,
  onChange,
  onSubmit,
  onSave,
  onEscape,
  schema,
  autoFocus,
  label,
  viewRef,
}: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const language = useRef(new Compartment());
  const latest = useRef({ onChange, keys: { onSubmit, onSave, onEscape } as EditorKeys });
  const emitted = useRef(value); // the text last passed to onChange: its echo in `value` is no change from outside
  useEffect(() => {
    latest.current = { onChange, keys: { onSubmit, onSave, onEscape } };
  });

  useEffect(() => {
    const editor = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: value,
        extensions: editorExtensions({
          label,
          keys: () => latest.current.keys,
          onDocChanged: (doc) => {
            emitted.current = doc;
            latest.current.onChange(doc);
          },
          language: language.current.of(sqlLanguage(schema)),
        }),
      }),
    });
    view.current = editor;
    if (viewRef) viewRef.current = editor;
    if (autoFocus) editor.focus();
    return () => {
      editor.destroy();
      view.current = null;
      if (viewRef) viewRef.current = null;
    };
    // the editor is made once; value and schema follow below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // a value set from outside (a history entry, Format) replaces the text; the echo of typing does not
  // (keys typed before it arrived would be lost)
  useEffect(() => {
    const editor = view.current;
    if (!editor || value === emitted.current) return;
    emitted.current = value;
    if (editor.state.doc.toString() !== value)
      editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value } });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: language.current.reconfigure(sqlLanguage(schema)) });
  }, [schema]);

  return (
    <div>
      <div ref={host} className="overflow-hidden rounded-lg" />
      <div className="mt-1 flex items-center gap-3 text-xs text-slate-500">
        <button
          type="button"
          className="rounded border border-slate-300 bg-white px-2 py-0.5 text-slate-700"
          onClick={() => onChange(formatSql(value))}
        >
          Format
        </button>
        <span>Ctrl+Enter runs · Ctrl+Space completes · Ctrl+F searches · Ctrl+Z undoes</span>
      </div>
    </div>
  );
}
