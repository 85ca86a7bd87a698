"use client";

import dynamic from "next/dynamic";

/**
 * The SQL editor loaded when first shown: CodeMirror stays out of the review page's first load
 * (the review editor opens on a key press; every item until then renders without it).
 */
export const LazySqlEditor = dynamic(() => import("@/components/sql/sql-editor").then((m) => m.SqlEditor), {
  ssr: false,
  loading: () => <div className="min-h-40 rounded-lg bg-slate-900" aria-busy="true" />,
});
