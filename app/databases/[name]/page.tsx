import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DatabaseAdminActions } from "@/components/databases/database-admin-actions";
import { TableContents } from "@/components/databases/table-contents";
import { TablePagesNav } from "@/components/databases/table-pages-nav";
import { TableSchemaCard } from "@/components/databases/table-schema-card";
import { BadAddress } from "@/components/shell/bad-address";
import { PageHeader } from "@/components/shell/page-header";
import { StatusBadge } from "@/components/shell/status-badge";
import { databaseDetailQuerySchema, databaseExists, getDatabaseDetail } from "@/lib/databases/read-databases";
import { isAppError } from "@/lib/errors";
import { requirePageUser } from "@/lib/auth/page-auth";
import { pageTitle } from "@/lib/auth/page-title";
import { can } from "@/lib/auth/roles";
import { decodedSegment } from "@/lib/util/decoded-segment";
import { pastTheEnd, parsePageParams } from "@/lib/util/page-params";

export const dynamic = "force-dynamic";

type PageProps = {
  params: Promise<{ name: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Pick<PageProps, "params">): Promise<Metadata> {
  const name = decodedSegment((await params).name);
  // a name that is not validly encoded gets the page's own message, under the page's title
  return pageTitle("data.read", async () =>
    name === null ? "Database" : (await databaseExists(name)) ? name : null,
  );
}

export default async function DatabasePage({ params, searchParams }: PageProps) {
  const user = await requirePageUser("data.read", "/databases");
  const name = decodedSegment((await params).name);
  const query = parsePageParams(databaseDetailQuerySchema, await searchParams);
  if (!query.ok || name === null) {
    return (
      <>
        <PageHeader title="Database" />
        <BadAddress
          problems={
            query.ok ? ["The database's name in the address is not validly encoded."] : query.problems
          }
          links={[
            {
              href: name ? `/databases/${encodeURIComponent(name)}` : "/databases",
              label: name ? "its first page" : "all databases",
            },
          ]}
        />
      </>
    );
  }
  const db = await getDatabaseDetail(name, query.values).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const asked = query.values.page;
  if (asked > db.tablePage.pages) {
    return (
      <>
        <PageHeader title={db.name} />
        <BadAddress
          problems={[pastTheEnd(asked, db.tablePage.pages, `its ${db.tablePage.totalTables} tables`)]}
          links={[{ href: `/databases/${encodeURIComponent(db.name)}`, label: "its first page" }]}
        />
      </>
    );
  }
  const previews = new Map(db.previews.map((p) => [p.table, p]));
  return (
    <>
      <PageHeader
        title={db.name}
        subtitle={
          <span className="flex flex-wrap items-center gap-2">
            <StatusBadge value={db.fileStatus} /> {db.tableCount} tables · source {db.source} ·{" "}
            {db.source === "synthesized" ? (
              <span data-testid="database-job">
                {db.job ? (
                  <>
                    made by{" "}
                    <Link className="text-sky-700 hover:underline" href={`/jobs/${db.job.id}`}>
                      strong job {db.job.id.slice(-8)}
                    </Link>{" "}
                    ({db.job.status})
                  </>
                ) : (
                  "made by a strong job since deleted"
                )}{" "}
                ·{" "}
              </span>
            ) : null}
            <Link
              className="text-sky-700 hover:underline"
              href={`/tasks?database=${encodeURIComponent(db.name)}`}
            >
              {db.taskCount} tasks
            </Link>
            {db.fileStatus === "ok" ? (
              <>
                {" · "}
                <Link
                  className="text-sky-700 hover:underline"
                  href={`/console?database=${encodeURIComponent(db.name)}`}
                >
                  query in the console
                </Link>
              </>
            ) : null}
          </span>
        }
      />
      {db.fileError ? (
        <p className="mb-4 rounded bg-amber-50 p-3 text-sm text-amber-900">{db.fileError}</p>
      ) : null}
      {db.schema?.source === "declared" ? (
        <p className="mb-4 text-sm text-slate-600">
          Schema as declared in the benchmark&apos;s tables.json (no file to read rows from).
        </p>
      ) : null}
      {db.previewError ? <p className="mb-4 text-sm text-red-700">{db.previewError}</p> : null}
      <TableContents database={db.name} page={db.tablePage.page} tables={db.tableIndex} />
      <TablePagesNav database={db.name} tablePage={db.tablePage} />
      {db.schema ? (
        <div className="grid grid-cols-1 gap-4 2xl:grid-cols-2">
          {db.schema.tables.map((table) => (
            <TableSchemaCard key={table.name} table={table} preview={previews.get(table.name)} />
          ))}
        </div>
      ) : (
        <p className="text-sm text-slate-600">No schema is known for this database.</p>
      )}
      {can(user.role, "databases.manage") ? <DatabaseAdminActions name={db.name} /> : null}
    </>
  );
}
