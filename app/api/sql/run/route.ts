import { handleRoute } from "@/lib/api/route-handler";
import { consoleQueryInputSchema, runConsoleQuery } from "@/lib/databases/console/run-console-query";

// SQL that fails to run is a result (ok: false with the error in words), not an HTTP error. A client
// that goes away (or cancels) aborts the request's signal, and the query's process is stopped.
export const POST = handleRoute({ auth: "sql.run", body: consoleQueryInputSchema }, ({ body, request }) =>
  runConsoleQuery(body, request.signal),
);
