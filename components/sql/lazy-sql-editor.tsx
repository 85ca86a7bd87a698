"use client";

import dynamic from "next/dynamic";

/**
 * The SQL editor loaded when first shown: CodeMirror stays out of the first load of the pages that
 * use it (the review editor opens on a key press; the console's page and its schema panel render
 * while it loads).
 */
export const LazySqlEditor = dynamic(() => import("@/components/sql/sql-editor").then((m) => m.SqlEditor), {
  ssr: false,
  loading: () => <div className="min-h-40 rounded-lg bg-slate-900" aria-busy="true" />,
});
