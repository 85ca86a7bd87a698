"use client";

import { Bar, CartesianGrid, Legend, Line, ComposedChart, Tooltip, XAxis, YAxis } from "recharts";
import type { Overview } from "@/lib/overview/read-overview";
import { TableFrame } from "@/components/shell/table-frame";

type Throughput = Overview["throughput"];
const sumOf = (
  xs: { sft: number; pairs: number; answers: number; reviews: number }[],
  k: "sft" | "pairs" | "answers" | "reviews",
) => xs.reduce((a, x) => a + x[k], 0);

/** Items synthesized (bars) and review decisions (line) per hour over the last 24 hours and per day over 14 days. */
export function ThroughputCharts({ throughput }: { throughput: Throughput }) {
  type Point = { label: string; sft: number; pairs: number; answers: number; reviews: number };
  const hours: Point[] = throughput.perHour.map(({ hour, ...h }) => ({
    ...h,
    label: `${hour.slice(11, 13)}h`,
  }));
  const days: Point[] = throughput.perDay.map(({ day, ...d }) => ({ ...d, label: day.slice(5) }));
  const chart = (title: string, data: Point[], summary: string, testId: string) => (
    <section
      aria-label={title}
      className="min-w-0 max-w-full rounded-lg border border-slate-200 bg-white p-3"
    >
      <h3 className="mb-1 text-sm font-medium">{title}</h3>
      <TableFrame>
        <ComposedChart
          width={480}
          height={190}
          data={data}
          margin={{ top: 4, right: 8, bottom: 4, left: -16 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 10 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 10 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <Bar dataKey="sft" name="SFT samples" stackId="s" fill="#0284c7" isAnimationActive={false} />
          <Bar dataKey="pairs" name="pairs" stackId="s" fill="#7c3aed" isAnimationActive={false} />
          <Line
            dataKey="reviews"
            name="review decisions"
            stroke="#059669"
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </TableFrame>
      <p className="text-xs text-slate-600" data-testid={testId}>
        {summary}
      </p>
    </section>
  );
  const summary = (xs: Point[]) =>
    `${sumOf(xs, "sft")} SFT samples, ${sumOf(xs, "pairs")} pairs (${sumOf(xs, "answers")} weak answers), ${sumOf(xs, "reviews")} review decisions`;
  return (
    <div className="flex flex-wrap gap-3">
      {chart("Throughput per hour (last 24 hours, UTC)", hours, summary(hours), "throughput-hours")}
      {chart("Throughput per day (last 14 days)", days, summary(days), "throughput-days")}
    </div>
  );
}
