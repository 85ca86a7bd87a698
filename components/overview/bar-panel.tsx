"use client";

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from "recharts";

/** Counts by name as a bar chart, with the numbers also in text for screen readers and tests. */
export function BarPanel({ title, counts, color = "#0284c7" }: { title: string; counts: Record<string, number>; color?: string }) {
  const data = Object.entries(counts).map(([name, value]) => ({ name, value }));
  return (
    <section aria-label={title} className="rounded-lg border border-slate-200 bg-white p-3">
      <h3 className="mb-1 text-sm font-medium">{title}</h3>
      {data.length ? (
        <>
          <BarChart width={340} height={170} data={data} margin={{ top: 4, right: 8, bottom: 4, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="name" tick={{ fontSize: 10 }} interval={0} />
            <YAxis allowDecimals={false} tick={{ fontSize: 10 }} />
            <Tooltip />
            <Bar dataKey="value" fill={color} isAnimationActive={false} />
          </BarChart>
          <p className="text-xs text-slate-600" data-testid="panel-counts">
            {data.map((d) => `${d.name}: ${d.value}`).join(" · ")}
          </p>
        </>
      ) : (
        <p className="text-xs text-slate-500">Nothing yet.</p>
      )}
    </section>
  );
}
