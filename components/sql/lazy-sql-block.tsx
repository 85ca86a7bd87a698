"use client";

import { useEffect, useMemo, useState } from "react";
import { SqlRunsPre } from "@/components/sql/sql-runs-pre";

type Highlighting = typeof import("@/lib/sql/highlight-sql");

// loaded once per page: every block after the first is highlighted on its first render
let loaded: Highlighting | null = null;

/**
 * SqlBlock for client components: the SQL shows at once as plain text and is highlighted when the
 * SQL grammar has loaded, so the parser (shared with the editor's chunk) stays out of the first load.
 */
export function LazySqlBlock({ sql, label }: { sql: string; label?: string }) {
  const [highlighting, setHighlighting] = useState<Highlighting | null>(loaded);
  useEffect(() => {
    if (highlighting) return;
    let live = true;
    void import("@/lib/sql/highlight-sql").then((module) => {
      loaded = module;
      if (live) setHighlighting(module);
    });
    return () => {
      live = false;
    };
  }, [highlighting]);
  const runs = useMemo(() => (highlighting ? highlighting.highlightSql(sql) : [{ text: sql }]), [highlighting, sql]);
  return <SqlRunsPre runs={runs} label={label} />;
}
