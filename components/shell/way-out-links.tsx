import Link from "next/link";

const places = [
  { href: "/", label: "Back to the overview" },
  { href: "/databases", label: "Databases" },
  { href: "/tasks", label: "Tasks" },
  { href: "/review", label: "Review" },
];

/** Where to go from a page that could not be shown (the 404 and the error page), beside the sidebar. */
export function WayOutLinks() {
  return (
    <nav aria-label="Ways on" className="mt-4 flex flex-wrap gap-4 text-sm">
      {places.map((p) => (
        <Link key={p.href} href={p.href} className="text-sky-700 underline">
          {p.label}
        </Link>
      ))}
    </nav>
  );
}
