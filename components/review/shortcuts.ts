/** The workspace's keys: one list for the handler, the buttons and the ? overlay. */
export const SHORTCUTS = [
  { key: "a", action: "accept", label: "Accept" },
  { key: "r", action: "reject", label: "Reject (then 1–5 for the reason, Enter)" },
  { key: "e", action: "edit", label: "Edit (Ctrl+Enter runs, Ctrl+S saves)" },
  { key: "s", action: "swap", label: "Swap chosen and rejected (pairs; Enter confirms)" },
  { key: "n", action: "next", label: "Next: skip this item for now" },
  { key: "p", action: "previous", label: "Previous: look at the item you just decided" },
  { key: "u", action: "undo", label: "Undo your last action" },
  { key: "d", action: "schema", label: "Show or hide the database schema" },
  { key: "?", action: "help", label: "Show or hide these shortcuts" },
] as const;

export type ShortcutAction = (typeof SHORTCUTS)[number]["action"];
export const keyOf = (action: ShortcutAction) =>
  SHORTCUTS.find((s) => s.action === action)!.key.toUpperCase();
