// The colour of each kind of SQL run, shared by read-only SQL (sql-runs-pre.tsx) and the editor
// (sql-editor-setup.ts). Tailwind's palette, so dark mode (app/dark-theme.css) turns them over
// with the block's background. Types only from the grammar: this map is in the pages' first load.
import type { SqlRunKind } from "@/lib/sql/highlight-sql";

export const sqlRunClass: Record<SqlRunKind, string> = {
  keyword: "font-semibold text-fuchsia-300",
  string: "text-emerald-300",
  quoted: "text-sky-200",
  number: "text-amber-300",
  comment: "italic text-slate-400",
  type: "text-sky-300",
  builtin: "text-violet-300",
};
