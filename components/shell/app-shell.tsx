"use client";

import { useState, type MouseEvent, type ReactNode } from "react";

// The page frame: the sidebar beside the page from 768 px up; below that a top bar whose Menu
// button shows the sidebar above the page (following a link closes it again). Neither the window
// nor <main> scrolls sideways: <main> is never wider than what is left of the window (min-w-0), a
// wide table scrolls in its own box (components/shell/table-frame.tsx), selects and inputs are
// never wider than their container (app/globals.css) and long names wrap.
export function AppShell({ sidebar, children }: { sidebar: ReactNode; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const closeOnLink = (event: MouseEvent) => {
    if ((event.target as HTMLElement).closest("a")) setOpen(false);
  };
  return (
    <div className="flex min-h-screen flex-col md:flex-row">
      <div className="flex items-center justify-between border-b border-slate-200 bg-white px-4 py-2 md:hidden">
        <span className="font-semibold tracking-tight">Sense Studio</span>
        <button
          type="button"
          className="rounded-md border border-slate-300 px-3 py-1 text-sm font-medium text-slate-700"
          aria-expanded={open}
          aria-controls="app-sidebar"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? "Close menu" : "Menu"}
        </button>
      </div>
      <aside
        id="app-sidebar"
        className={`${open ? "block" : "hidden"} w-full shrink-0 border-b border-slate-200 bg-white p-4 md:block md:w-52 md:border-r md:border-b-0`}
        onClick={closeOnLink}
      >
        {sidebar}
      </aside>
      <main className="min-w-0 max-w-full flex-1 p-4 md:p-8">{children}</main>
    </div>
  );
}
