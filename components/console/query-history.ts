"use client";

import { useCallback, useMemo, useSyncExternalStore } from "react";

// The console's query history: the last 50 queries run, per person, in this browser's localStorage
// (not on the server: it is a convenience, like a shell's history, and goes with the browser).
const LIMIT = 50;
const CHANGED = "sense-console-history";
const keyOf = (userId: string) => `sense.console.history.${userId}`;

function subscribe(onChange: () => void): () => void {
  window.addEventListener("storage", onChange); // other tabs
  window.addEventListener(CHANGED, onChange); // this one
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

/** `sql` first, without an earlier copy of itself, at most LIMIT entries. */
export function withQuery(history: readonly string[], sql: string): string[] {
  return [sql, ...history.filter((h) => h !== sql)].slice(0, LIMIT);
}

function parse(raw: string | null): string[] {
  try {
    const value: unknown = JSON.parse(raw ?? "[]");
    return Array.isArray(value)
      ? value.filter((v): v is string => typeof v === "string").slice(0, LIMIT)
      : [];
  } catch {
    return [];
  }
}

export function useQueryHistory(userId: string): {
  history: string[];
  remember: (sql: string) => void;
  clear: () => void;
} {
  const raw = useSyncExternalStore(
    subscribe,
    () => window.localStorage.getItem(keyOf(userId)),
    () => null,
  );
  const history = useMemo(() => parse(raw), [raw]);
  const write = useCallback(
    (next: string[]) => {
      window.localStorage.setItem(keyOf(userId), JSON.stringify(next));
      window.dispatchEvent(new Event(CHANGED));
    },
    [userId],
  );
  return {
    history,
    remember: (sql: string) =>
      write(withQuery(parse(window.localStorage.getItem(keyOf(userId))), sql.trim())),
    clear: () => write([]),
  };
}
