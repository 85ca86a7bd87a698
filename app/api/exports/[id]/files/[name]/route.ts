import { z } from "zod";
import { handleRoute } from "@/lib/api/route-handler";
import { exportDownload } from "@/lib/export/export-download";

const params = z.object({ id: z.string().min(1), name: z.string().min(1).max(200) });

// streams the file from disk: memory stays flat however large the export
export const GET = handleRoute({ auth: "export", params }, async ({ params }) =>
  exportDownload(params.id, params.name),
);
