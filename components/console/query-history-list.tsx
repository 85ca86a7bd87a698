"use client";

/** The last queries this person ran in this browser; a click puts one back in the editor. */
export function QueryHistoryList({
  history,
  onPick,
  onClear,
}: {
  history: string[];
  onPick: (sql: string) => void;
  onClear: () => void;
}) {
  if (!history.length) return null;
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-2 text-sm">
      <summary className="cursor-pointer text-xs font-medium text-slate-600">
        History ({history.length}, kept in this browser)
      </summary>
      <ol aria-label="Query history" className="mt-2 max-h-64 space-y-1 overflow-y-auto">
        {history.map((sql) => (
          <li key={sql}>
            <button
              type="button"
              onClick={() => onPick(sql)}
              className="w-full truncate rounded px-1 text-left font-mono text-xs hover:bg-slate-100"
              title={sql}
            >
              {sql}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={onClear} className="mt-2 text-xs underline">
        Clear history
      </button>
    </details>
  );
}
