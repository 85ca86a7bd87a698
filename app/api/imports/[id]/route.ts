import { z } from "zod";
import { handleRoute } from "@/lib/api/route-handler";
import { readImportRun } from "@/lib/import/read-import-runs";

export const GET = handleRoute(
  { auth: "databases.manage", params: z.object({ id: z.string().min(1) }) },
  ({ params }) => readImportRun(params.id),
);
