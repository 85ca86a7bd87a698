import { handleRoute } from "@/lib/api/route-handler";
import { consoleSchemaQuerySchema, readConsoleSchema } from "@/lib/databases/console/read-console-schema";

export const GET = handleRoute({ auth: "sql.run", query: consoleSchemaQuerySchema }, ({ query }) =>
  readConsoleSchema(query),
);
