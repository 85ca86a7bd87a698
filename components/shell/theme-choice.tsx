"use client";

import { useTheme } from "next-themes";
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** The theme picker in the sidebar. The stored choice is only known in the browser, so the server renders it empty. */
export function ThemeChoice() {
  const { theme, setTheme } = useTheme();
  const inBrowser = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  return (
    <label className="mt-3 flex items-center gap-2 text-xs text-slate-500">
      Theme
      <select
        aria-label="Theme"
        className="rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs text-slate-700"
        value={inBrowser ? (theme ?? "system") : ""}
        onChange={(e) => setTheme(e.target.value)}
      >
        {inBrowser ? null : <option value="" />}
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
