import { handleRoute } from "@/lib/api/route-handler";
import { importFromServerFolder, importRequestSchema } from "@/lib/import/import-from-server";
import { listImportRuns } from "@/lib/import/read-import-runs";

export const GET = handleRoute({}, () => listImportRuns());

export const POST = handleRoute({ body: importRequestSchema }, ({ body }) => importFromServerFolder(body));
