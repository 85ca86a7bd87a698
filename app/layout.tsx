import type { Metadata } from "next";
import type { ReactNode } from "react";
import { NavLinks } from "@/components/shell/nav-links";
import { QueryProvider } from "@/components/shell/query-provider";
import { SignedInAs } from "@/components/shell/signed-in-as";
import { currentPageUser } from "@/lib/auth/page-auth";
import "./globals.css";

export const metadata: Metadata = {
  title: "Sense Studio",
  description: "A workbench for text-to-SQL training data: synthesis, execution, review and export.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await currentPageUser();
  return (
    <html lang="en">
      <body>
        <QueryProvider>
          <div className="flex min-h-screen">
            <aside className="w-52 shrink-0 border-r border-slate-200 bg-white p-4">
              <div className="mb-6 px-3">
                <div className="text-lg font-semibold tracking-tight">Sense Studio</div>
                <div className="text-xs text-slate-500">text-to-SQL data workbench</div>
              </div>
              {user ? (
                <>
                  <NavLinks role={user.role} />
                  <SignedInAs user={{ name: user.name, email: user.email, role: user.role }} />
                </>
              ) : null}
            </aside>
            <main className="min-w-0 flex-1 p-8">{children}</main>
          </div>
        </QueryProvider>
      </body>
    </html>
  );
}
