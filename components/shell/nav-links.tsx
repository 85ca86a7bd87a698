"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const areas = [
  { href: "/", label: "Overview" },
  { href: "/databases", label: "Databases" },
  { href: "/tasks", label: "Tasks" },
  { href: "/console", label: "SQL console" },
  { href: "/jobs", label: "Jobs" },
  { href: "/review", label: "Review" },
  { href: "/exports", label: "Exports" },
] as const;

export function NavLinks() {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-1">
      {areas.map((area) => {
        const active = area.href === "/" ? pathname === "/" : pathname.startsWith(area.href);
        return (
          <Link
            key={area.href}
            href={area.href}
            aria-current={active ? "page" : undefined}
            className={`rounded-md px-3 py-2 text-sm font-medium ${active ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-200"}`}
          >
            {area.label}
          </Link>
        );
      })}
    </nav>
  );
}
