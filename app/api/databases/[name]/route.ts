import { z } from "zod";
import { handleRoute } from "@/lib/api/route-handler";
import { databaseDetailQuerySchema, getDatabaseDetail } from "@/lib/databases/read-databases";

// ?page=N: one page of the tables (and their first rows), never the whole schema at once.
export const GET = handleRoute({ auth: "data.read", params: z.object({ name: z.string() }), query: databaseDetailQuerySchema }, ({ params, query }) =>
  getDatabaseDetail(params.name, query),
);
