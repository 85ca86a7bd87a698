const tones: Record<string, string> = {
  ok: "bg-emerald-100 text-emerald-800",
  done: "bg-emerald-100 text-emerald-800",
  missing: "bg-amber-100 text-amber-900",
  invalid: "bg-red-100 text-red-800",
  failed: "bg-red-100 text-red-800",
  "done with failures": "bg-amber-100 text-amber-900",
  running: "bg-sky-100 text-sky-800",
  paused: "bg-amber-100 text-amber-900",
  pausing: "bg-amber-50 text-amber-900",
  cancelling: "bg-slate-100 text-slate-700",
  cancelled: "bg-slate-200 text-slate-700",
  accepted: "bg-emerald-100 text-emerald-800",
  edited: "bg-sky-100 text-sky-800",
  rejected: "bg-red-100 text-red-800",
  pending: "bg-amber-100 text-amber-900",
};

export function StatusBadge({ value, testId }: { value: string; testId?: string }) {
  return (
    <span
      className={`rounded px-2 py-0.5 text-xs font-medium ${tones[value] ?? "bg-slate-100 text-slate-700"}`}
      data-testid={testId}
    >
      {value}
    </span>
  );
}
