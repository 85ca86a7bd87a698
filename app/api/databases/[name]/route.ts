import { z } from "zod";
import { handleRoute } from "@/lib/api/route-handler";
import { deleteDatabase } from "@/lib/databases/delete-database";
import { databaseDetailQuerySchema, getDatabaseDetail } from "@/lib/databases/read-databases";
import { renameDatabase, renameDatabaseInputSchema } from "@/lib/databases/rename-database";

const params = z.object({ name: z.string() });

// ?page=N: one page of the tables (and their first rows), never the whole schema at once.
export const GET = handleRoute(
  { auth: "data.read", params, query: databaseDetailQuerySchema },
  ({ params, query }) => getDatabaseDetail(params.name, query),
);

// { name }: the new name.
export const PATCH = handleRoute(
  { auth: "databases.manage", params, body: renameDatabaseInputSchema },
  async ({ params, body, user }) => {
    const database = await renameDatabase(params.name, body, user);
    return { database: { name: database.name } };
  },
);

// Deletes the database with its tasks, samples, candidates and pairs (GET …/deletion says how many first).
export const DELETE = handleRoute({ auth: "databases.manage", params }, ({ params, user }) =>
  deleteDatabase(params.name, user),
);
