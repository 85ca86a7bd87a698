"use client";

import type { CSSProperties } from "react";
import { verdictTone, verdictToneClasses } from "@/lib/review/verdict-tones";

const COLORS = ["#0284c7", "#059669", "#ea580c", "#7c3aed", "#db2777", "#ca8a04", "#0891b2", "#64748b"];
const pct = (n: number, total: number) => (total ? `${Math.round((100 * n) / total)}%` : "—");

/**
 * Counts by name as shares of their total: one stacked bar (what part each name is) and each count
 * with its share in words, which says more than a bar per name (and one bar alone says nothing).
 * Keys are shown in the order given (e.g. difficulties from easy to hard). Counts of verdicts take
 * the verdict's colour (lib/review/verdict-tones.ts), whatever their order.
 */
export function CountsPanel({
  title,
  counts,
  total: totalLabel = "total",
  verdicts = false,
}: {
  title: string;
  counts: Record<string, number>;
  total?: string;
  verdicts?: boolean;
}) {
  const data = Object.entries(counts).filter(([, n]) => n > 0);
  const total = data.reduce((a, [, n]) => a + n, 0);
  // a verdict's swatch from the verdict map; other names by their place in the palette
  const swatch = (
    name: string,
    i: number,
  ): { className: string; style: CSSProperties; "data-verdict"?: string; "data-tone"?: string } => {
    if (!verdicts) return { className: "", style: { background: COLORS[i % COLORS.length] } };
    const tone = verdictTone(name);
    return { className: verdictToneClasses[tone].swatch, style: {}, "data-verdict": name, "data-tone": tone };
  };
  return (
    <section
      aria-label={title}
      className="w-full rounded-lg border border-slate-200 bg-white p-3 sm:w-[340px]"
    >
      <h3 className="mb-2 flex justify-between text-sm font-medium">
        <span>{title}</span>
        <span className="tabular-nums text-slate-500">{total ? `${total} ${totalLabel}` : null}</span>
      </h3>
      {data.length ? (
        <>
          <div className="flex h-3 overflow-hidden rounded bg-slate-100" aria-hidden>
            {data.map(([name, n], i) => (
              <div
                key={name}
                title={`${name}: ${n}`}
                {...swatch(name, i)}
                style={{ width: `${(100 * n) / total}%`, ...swatch(name, i).style }}
              />
            ))}
          </div>
          <ul className="mt-2 space-y-0.5 text-xs" data-testid="panel-counts">
            {data.map(([name, n], i) => (
              <li key={name} className="flex items-center gap-2">
                <span
                  aria-hidden
                  {...swatch(name, i)}
                  className={`inline-block h-2 w-2 rounded-sm ${swatch(name, i).className}`}
                />
                <span className="flex-1">{name}:</span>
                <span className="tabular-nums">{n}</span>
                <span className="w-10 text-right tabular-nums text-slate-500">{pct(n, total)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="text-xs text-slate-500">Nothing yet.</p>
      )}
    </section>
  );
}
