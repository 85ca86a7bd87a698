import { z } from "zod";
import { handleRoute } from "@/lib/api/route-handler";
import { previewDatabaseDeletion } from "@/lib/databases/delete-database";

// What deleting this database would take with it, and the unfinished jobs that stop it.
export const GET = handleRoute(
  { auth: "databases.manage", params: z.object({ name: z.string() }) },
  ({ params }) => previewDatabaseDeletion(params.name),
);
