/** An area of the product that does not exist yet, said plainly (no sample data). */
export function NotBuiltYet({ area, plan }: { area: string; plan: string }) {
  return (
    <section>
      <h1 className="text-2xl font-semibold">{area}</h1>
      <div className="mt-6 max-w-2xl rounded-lg border border-dashed border-slate-300 bg-white p-6">
        <p className="font-medium">Not built yet.</p>
        <p className="mt-2 text-sm text-slate-600">{plan}</p>
      </div>
    </section>
  );
}
