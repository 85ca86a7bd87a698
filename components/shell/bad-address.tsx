import Link from "next/link";

/** A page's answer to an address it cannot show: what is wrong with it, in words, and where to go. */
export function BadAddress({
  problems,
  links,
}: {
  problems: string[];
  links: { href: string; label: string }[];
}) {
  return (
    <div className="max-w-2xl rounded-lg border border-amber-300 bg-amber-50 p-4" role="alert">
      <h2 className="font-semibold">This address cannot be shown as it is</h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-800">
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <p className="mt-3 flex flex-wrap gap-4 text-sm">
        {links.map((l) => (
          <Link key={l.href} href={l.href} className="text-sky-700 underline">
            {l.label}
          </Link>
        ))}
      </p>
    </div>
  );
}
