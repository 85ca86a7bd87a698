import { z } from "zod";
import { SqlConsole } from "@/components/console/sql-console";
import { BadAddress } from "@/components/shell/bad-address";
import { DroppedFilters } from "@/components/shell/dropped-filters";
import { dropUnknownDatabase } from "@/lib/databases/database-filter";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageUser } from "@/lib/auth/page-auth";
import { filterText } from "@/lib/util/filter-text";
import { parsePageParams, type RawPageParams } from "@/lib/util/page-params";
import { pageTitle } from "@/lib/auth/page-title";

export const dynamic = "force-dynamic";

export const generateMetadata = () => pageTitle("sql.run", "SQL console");

const consoleParamsSchema = z.object({ database: filterText });

export default async function ConsolePage({ searchParams }: { searchParams: Promise<RawPageParams> }) {
  const user = await requirePageUser("sql.run", "/console");
  // a database the store does not have: the console opens on its default one and says so
  const params = await dropUnknownDatabase(parsePageParams(consoleParamsSchema, await searchParams));
  return (
    <>
      <PageHeader
        title="SQL console"
        subtitle="Run a query on a target database through the same sandbox that judges every SQL."
      />
      {params.ok ? (
        <>
          <DroppedFilters problems={params.dropped} />
          <SqlConsole initialDatabase={params.values.database} userId={user.id} />
        </>
      ) : (
        <BadAddress problems={params.problems} links={[{ href: "/console", label: "Open the console" }]} />
      )}
    </>
  );
}
