import { handleRoute } from "@/lib/api/route-handler";
import { exportRequestSchema } from "@/lib/export/export-selection";
import { listExports, startExport } from "@/lib/export/exports";
import { findReviewer, readCookie, REVIEWER_COOKIE } from "@/lib/review/reviewer";

export const GET = handleRoute({}, () => listExports());

export const POST = handleRoute({ body: exportRequestSchema }, async ({ body, request }) => {
  const who = await findReviewer(readCookie(request, REVIEWER_COOKIE));
  return { export: await startExport(body, who?.id ?? null) };
});
