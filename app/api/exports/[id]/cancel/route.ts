import { z } from "zod";
import { handleRoute } from "@/lib/api/route-handler";
import { cancelExport } from "@/lib/export/exports";

export const POST = handleRoute(
  { auth: "export", params: z.object({ id: z.string().min(1) }) },
  async ({ params, user }) => ({ export: await cancelExport(params.id, user) }),
);
