"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { formatCostUsd } from "@/lib/jobs/job-cost";
import type { JobDetail } from "@/lib/jobs/read-job-detail";
import { TableFrame } from "@/components/shell/table-frame";

/** A job's model calls per hour (failed ones apart) with its tokens and cost, as a chart and in words. */
export function JobCallsChart({ hours }: { hours: JobDetail["callsPerHour"] }) {
  if (!hours.length)
    return (
      <p className="text-sm text-slate-600" data-testid="job-calls">
        No model calls (a mutation job calls no model).
      </p>
    );
  const data = hours.map((h) => ({
    ...h,
    ok: h.calls - h.failed,
    label: `${h.hour.slice(5, 10)} ${h.hour.slice(11)}h`,
  }));
  return (
    <div>
      <TableFrame>
        <ComposedChart
          width={560}
          height={200}
          data={data}
          margin={{ top: 4, right: 8, bottom: 4, left: -8 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 10 }} />
          <YAxis yAxisId="calls" allowDecimals={false} tick={{ fontSize: 10 }} />
          <YAxis yAxisId="tokens" orientation="right" tick={{ fontSize: 10 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          <Bar
            yAxisId="calls"
            dataKey="ok"
            name="calls ok"
            stackId="c"
            fill="#0284c7"
            isAnimationActive={false}
          />
          <Bar
            yAxisId="calls"
            dataKey="failed"
            name="calls failed"
            stackId="c"
            fill="#dc2626"
            isAnimationActive={false}
          />
          <Line
            yAxisId="tokens"
            dataKey="tokens"
            name="tokens"
            stroke="#7c3aed"
            dot={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </TableFrame>
      <ul className="text-xs tabular-nums text-slate-600" data-testid="job-calls">
        {hours.map((h) => (
          <li key={h.hour}>
            {h.hour.replace("T", " ")}:00 UTC — {h.calls} calls{h.failed ? ` (${h.failed} failed)` : ""},{" "}
            {h.tokens} tokens, {formatCostUsd(h.costUsd)}
          </li>
        ))}
      </ul>
    </div>
  );
}
