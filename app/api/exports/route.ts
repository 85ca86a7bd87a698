import { handleRoute } from "@/lib/api/route-handler";
import { exportRequestSchema } from "@/lib/export/export-selection";
import { listExports, startExport } from "@/lib/export/exports";

export const GET = handleRoute({ auth: "export" }, () => listExports());

export const POST = handleRoute({ auth: "export", body: exportRequestSchema }, async ({ body, user }) => ({
  export: await startExport(body, user),
}));
