import { handleRoute } from "@/lib/api/route-handler";
import { importFromServerFolder, importRequestSchema } from "@/lib/import/import-from-server";
import { listImportRuns } from "@/lib/import/read-import-runs";

export const GET = handleRoute({ auth: "databases.manage" }, () => listImportRuns());

export const POST = handleRoute({ auth: "databases.manage", body: importRequestSchema }, ({ user, body }) =>
  importFromServerFolder(user, body),
);
