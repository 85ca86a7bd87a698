"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { can, type Permission, type Role } from "@/lib/auth/roles";

// Only the areas the signed-in role may open are linked; the pages refuse the rest on the server.
const areas: { href: string; label: string; needs: Permission }[] = [
  { href: "/", label: "Overview", needs: "data.read" },
  { href: "/databases", label: "Databases", needs: "data.read" },
  { href: "/tasks", label: "Tasks", needs: "data.read" },
  { href: "/console", label: "SQL console", needs: "sql.run" },
  { href: "/jobs", label: "Jobs", needs: "jobs.manage" },
  { href: "/review", label: "Review", needs: "review" },
  { href: "/exports", label: "Exports", needs: "export" },
  { href: "/audit", label: "Audit log", needs: "audit.read" },
  { href: "/admin/accounts", label: "Accounts", needs: "accounts.manage" },
];

export function NavLinks({ role }: { role: Role }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-1">
      {areas
        .filter((area) => can(role, area.needs))
        .map((area) => {
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
