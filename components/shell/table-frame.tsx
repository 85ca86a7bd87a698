import type { ReactNode } from "react";

/** The box a table (or a fixed-width chart) sits in: when it is wider than the page it scrolls sideways here, never the page. */
export function TableFrame({ className = "", children }: { className?: string; children: ReactNode }) {
  return <div className={`max-w-full overflow-x-auto ${className}`.trim()}>{children}</div>;
}
