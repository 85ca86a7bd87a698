import { handleRoute } from "@/lib/api/route-handler";
import { exportRequestSchema } from "@/lib/export/export-selection";
import { previewExport } from "@/lib/export/exports";

export const POST = handleRoute({ auth: "export", body: exportRequestSchema }, ({ body }) =>
  previewExport(body),
);
