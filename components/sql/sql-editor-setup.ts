// The CodeMirror 6 extensions of the SQL editor: SQLite dialect, schema-aware completion, bracket
// matching, search, undo history (basicSetup), our keys before CodeMirror's, and the colours of
// read-only SQL (sql-run-classes.ts): Tailwind's palette, so dark mode turns the editor over too.
import {
  acceptCompletion,
  autocompletion,
  closeCompletion,
  completionStatus,
  type Completion,
  type CompletionContext,
  type CompletionResult,
} from "@codemirror/autocomplete";
import { SQLite, sql, type SQLNamespace } from "@codemirror/lang-sql";
import { syntaxHighlighting } from "@codemirror/language";
import { Prec, type Extension } from "@codemirror/state";
import { EditorView, keymap, tooltips } from "@codemirror/view";
import type { Highlighter } from "@lezer/highlight";
import { basicSetup } from "codemirror";
import { sqlRunClass } from "@/components/sql/sql-run-classes";
import { sqlRunHighlighter, type SqlRunKind } from "@/lib/sql/highlight-sql";

/** Table name → its column names, what completion offers. */
export type SqlSchema = Record<string, readonly string[]>;

export type EditorKeys = { onSubmit?: () => void; onSave?: () => void; onEscape?: () => void };

/**
 * Every column of the schema, offered where a word is typed (`SELECT ti` → title), with the tables
 * that have it: lang-sql itself offers a table's columns only after `table.`, which is not how
 * people start a query. After a dot, lang-sql's own completion answers alone.
 */
function columnsAnywhere(schema: SqlSchema): (context: CompletionContext) => CompletionResult | null {
  const tablesOf = new Map<string, string[]>();
  for (const [table, columns] of Object.entries(schema))
    for (const column of columns) tablesOf.set(column, [...(tablesOf.get(column) ?? []), table]);
  const options: Completion[] = [...tablesOf].map(([column, tables]) => ({
    label: column,
    type: "property",
    detail: tables.join(", "),
    boost: -1,
  }));
  return (context) => {
    const word = context.matchBefore(/[\w$]+/);
    if (!word || !options.length) return null;
    if (word.from === word.to && !context.explicit) return null;
    if (context.state.sliceDoc(word.from - 1, word.from) === ".") return null;
    return { from: word.from, options, validFor: /^[\w$]*$/ };
  };
}

/** The SQLite dialect with completion of `schema`'s tables and columns. */
export function sqlLanguage(schema: SqlSchema | undefined): Extension {
  const namespace: SQLNamespace = Object.fromEntries(
    Object.entries(schema ?? {}).map(([table, columns]) => [table, [...columns]]),
  );
  return [
    sql({ dialect: SQLite, schema: namespace, upperCaseKeywords: true }),
    SQLite.language.data.of({ autocomplete: columnsAnywhere(schema ?? {}) }),
  ];
}

/** Ctrl/Cmd+Enter runs, Ctrl/Cmd+S saves, Tab takes the completion on offer, Escape leaves (once no completion is open). */
function editorKeymap(keys: () => EditorKeys): Extension {
  const call = (pick: (k: EditorKeys) => (() => void) | undefined) => () => {
    const handler = pick(keys());
    if (!handler) return false;
    handler();
    return true;
  };
  return Prec.highest(
    keymap.of([
      {
        key: "Mod-Enter",
        // running closes the completion: left open, it covered the result's header
        run: (view) => {
          closeCompletion(view);
          return call((k) => k.onSubmit)();
        },
        preventDefault: true,
      },
      { key: "Mod-s", run: call((k) => k.onSave) },
      { key: "Tab", run: acceptCompletion },
      { key: "Escape", run: (view) => completionStatus(view.state) === null && call((k) => k.onEscape)() },
    ]),
  );
}

/** The tags of read-only SQL, the same classes. */
const sqlEditorHighlighter: Highlighter = {
  style(tags) {
    const kind = sqlRunHighlighter.style(tags) as SqlRunKind | null;
    return kind ? sqlRunClass[kind] : null;
  },
};

const color = (name: string, fallback: string) => `var(--color-${name}, ${fallback})`;

// CodeMirror's own completion icons are glyphs many fonts lack (a key emoji) or draw as an empty
// box on purpose (□ for a column): a letter on a coloured chip instead, readable on the editor's
// slate in light and dark mode alike (the editor is dark in both).
const iconChip = {
  width: "1.1em",
  height: "1.1em",
  lineHeight: "1.1em",
  marginRight: "0.4em",
  paddingRight: "0",
  borderRadius: "0.2em",
  fontSize: "75%",
  fontWeight: "600",
  opacity: "1",
  color: color("slate-900", "#0f172a"),
  verticalAlign: "middle",
};
const icon = (letter: string, bg: string, fallback: string) => ({
  backgroundColor: color(bg, fallback),
  "&:after": { content: `'${letter}'`, fontSize: "100%", verticalAlign: "baseline" },
});
const completionIcons = {
  ".cm-completionIcon": iconChip,
  ".cm-completionIcon-keyword": icon("K", "violet-300", "#c4b5fd"),
  ".cm-completionIcon-type": icon("T", "sky-300", "#7dd3fc"), // a table
  ".cm-completionIcon-property": icon("C", "emerald-300", "#6ee7b7"), // a column
  ".cm-completionIcon-namespace": icon("S", "amber-300", "#fcd34d"), // a schema
  ".cm-completionIcon-constant": icon("A", "rose-300", "#fda4af"), // an alias
  ".cm-completionIcon-variable": icon("V", "slate-300", "#cbd5e1"),
  ".cm-completionIcon-function, .cm-completionIcon-method": icon("F", "orange-300", "#fdba74"),
  ".cm-completionIcon-text, .cm-completionIcon-class, .cm-completionIcon-interface, .cm-completionIcon-enum":
    icon("W", "slate-300", "#cbd5e1"),
};

const theme = EditorView.theme(
  {
    "&": {
      backgroundColor: color("slate-900", "#0f172a"),
      color: color("slate-100", "#f1f5f9"),
      borderRadius: "0.5rem",
      fontSize: "0.875rem",
    },
    ".cm-content": {
      fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace",
      minHeight: "10rem",
      caretColor: color("white", "#fff"),
      padding: "0.75rem 0",
    },
    ".cm-gutters": {
      backgroundColor: color("slate-900", "#0f172a"),
      color: color("slate-500", "#64748b"),
      border: "none",
    },
    ".cm-activeLine, .cm-activeLineGutter": { backgroundColor: color("slate-800", "#1e293b") },
    "&.cm-focused .cm-cursor": { borderLeftColor: color("white", "#fff") },
    "&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection": {
      backgroundColor: color("slate-700", "#334155"),
    },
    ".cm-tooltip": { backgroundColor: color("slate-800", "#1e293b"), color: color("slate-100", "#f1f5f9") },
    ...completionIcons,
  },
  { dark: true },
);

/** The nonce of this page's scripts, for the editor's own style elements (the page's CSP asks for one). */
function pageNonce(): string {
  return document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce ?? "";
}

export function editorExtensions({
  label,
  keys,
  onDocChanged,
  language,
}: {
  label: string;
  keys: () => EditorKeys;
  onDocChanged: (doc: string) => void;
  language: Extension;
}): Extension[] {
  return [
    editorKeymap(keys),
    basicSetup,
    // Tab takes the completion as soon as it is shown (CodeMirror ignores it for the first 75 ms by
    // default, and the Tab then moved the focus out of the editor instead)
    autocompletion({ interactionDelay: 0 }),
    // tooltips in the page's body, placed fixed: the editor's rounded, overflow-hidden frame no
    // longer clips them, and CodeMirror keeps them inside the window at the end of a long line
    tooltips({ parent: document.body, position: "fixed" }),
    language,
    syntaxHighlighting(sqlEditorHighlighter),
    theme,
    EditorView.lineWrapping,
    EditorView.cspNonce.of(pageNonce()),
    EditorView.contentAttributes.of({ "aria-label": label }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) onDocChanged(update.state.doc.toString());
    }),
  ];
}
