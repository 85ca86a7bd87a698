/**
 * A page's word on filters of its address it left out (lib/util/page-params.ts): each bad value,
 * the parameter and what it may be. The page below is shown without them. Server or client.
 */
export function DroppedFilters({ problems }: { problems: string[] }) {
  if (!problems.length) return null;
  return (
    <div
      className="mb-4 max-w-3xl rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm"
      role="alert"
      aria-label="Filters left out"
    >
      <p className="font-semibold">
        Shown without {problems.length === 1 ? "this filter" : "these filters"} of the address:
      </p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
    </div>
  );
}
