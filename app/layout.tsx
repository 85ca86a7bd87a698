import type { Metadata } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { JobEndNotices } from "@/components/jobs/job-end-notices";
import { AppShell } from "@/components/shell/app-shell";
import { NavLinks } from "@/components/shell/nav-links";
import { QueryProvider } from "@/components/shell/query-provider";
import { SignedInAs } from "@/components/shell/signed-in-as";
import { ThemeChoice } from "@/components/shell/theme-choice";
import { ThemeProvider } from "@/components/shell/theme-provider";
import { nonceOfPolicy } from "@/lib/api/content-security-policy";
import { currentPageUser } from "@/lib/auth/page-auth";
import { can } from "@/lib/auth/roles";
import { titleSuffix } from "@/lib/auth/page-title";
import "./globals.css";

export const metadata: Metadata = {
  // a page that names itself ("Page not found") is titled "Page not found · Sense Studio"
  title: { default: "Sense Studio", template: `%s${titleSuffix}` },
  description: "A workbench for text-to-SQL training data: synthesis, execution, review and export.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await currentPageUser();
  const nonce = nonceOfPolicy((await headers()).get("content-security-policy"));
  const sidebar = (
    <>
      <div className="mb-6 hidden px-3 md:block">
        <div className="text-lg font-semibold tracking-tight">Sense Studio</div>
        <div className="text-xs text-slate-500">text-to-SQL data workbench</div>
      </div>
      {user ? (
        <>
          <NavLinks role={user.role} />
          <SignedInAs user={{ name: user.name, email: user.email, role: user.role }} />
        </>
      ) : null}
      <div className="px-3">
        <ThemeChoice />
      </div>
    </>
  );
  // next-themes sets the theme's class on <html> before React hydrates: the attribute differs on purpose
  return (
    <html lang="en" suppressHydrationWarning>
      <body>
        <ThemeProvider nonce={nonce}>
          <QueryProvider>
            <AppShell sidebar={sidebar}>{children}</AppShell>
            {/* on every page of a lead's: a job that ends while they work elsewhere is still told */}
            {user && can(user.role, "jobs.manage") ? <JobEndNotices /> : null}
          </QueryProvider>
        </ThemeProvider>
      </body>
    </html>
  );
}
