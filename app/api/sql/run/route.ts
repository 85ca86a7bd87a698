import { handleRoute } from "@/lib/api/route-handler";
import { consoleQueryInputSchema, runConsoleQuery } from "@/lib/sql/console/run-console-query";

// SQL that fails to run is a result (ok: false with the error in words), not an HTTP error.
export const POST = handleRoute({ auth: "sql.run", body: consoleQueryInputSchema }, ({ body }) => runConsoleQuery(body));
