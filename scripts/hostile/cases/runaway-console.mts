// Finding 4 (and 5): an annotator sends two runaway queries from the SQL console at once, a
// never-ending recursive CTE and a cross join that would write gigabytes of temporary files.
// Each must be stopped at its own limit (SENSE_SQL_TIMEOUT_MS, or the temporary-disk cap) while
// other people's console queries go on being answered.
import type { HostileCase } from "../hostile-case.mts";

const RUNAWAYS = [
  "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c",
  "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 100000000) SELECT count(*) FROM (SELECT DISTINCT x || randomblob(200) FROM c)",
];

export const hostileCase: HostileCase = {
  name: "runaway console queries",
  finding: "4",
  async run(ctx) {
    const headers = { ...(await ctx.headers("annotator")), "content-type": "application/json" };
    const listed = await fetch(`${ctx.base}/api/databases`, { headers });
    const databases = (await listed.json()) as { name: string; fileStatus: string }[];
    const database = databases.find((d) => d.fileStatus === "ok")?.name;
    if (!database) return `no database with a file to run SQL on (GET /api/databases: ${listed.status})`;
    const answers = await Promise.all(
      RUNAWAYS.map(async (sql) => {
        const started = performance.now();
        const response = await fetch(`${ctx.base}/api/sql/run`, {
          method: "POST",
          headers,
          body: JSON.stringify({ database, sql }),
        });
        const body = (await response.json()) as { ok?: boolean; kind?: string; message?: string };
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        return `${response.status} after ${seconds} s: ${body.ok ? "ran to the end (not stopped)" : `${body.kind}: ${body.message}`}`;
      }),
    );
    return `on ${database}: ${answers.join("; ")}`;
  },
};
