/** The identifier being typed just before the caret, if any. */
export function wordBeforeCaret(text: string, caret: number): { word: string; start: number } | null {
  const match = /[A-Za-z_][A-Za-z0-9_]*$/.exec(text.slice(0, caret));
  return match ? { word: match[0], start: caret - match[0].length } : null;
}

/** Names that complete a prefix (case-insensitive), the closest first, at most `limit`. */
export function completionsFor(prefix: string, names: readonly string[], limit = 8): string[] {
  const p = prefix.toLowerCase();
  return [...new Set(names)]
    .filter((n) => n.toLowerCase().startsWith(p) && n.toLowerCase() !== p)
    .sort((a, b) => a.length - b.length || a.localeCompare(b))
    .slice(0, limit);
}
