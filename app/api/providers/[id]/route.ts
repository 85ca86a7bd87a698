import { z } from "zod";
import { handleRoute } from "@/lib/api/route-handler";
import { providerInputSchema } from "@/lib/providers/provider-schema";
import { deleteProvider, updateProvider } from "@/lib/providers/providers";

const params = z.object({ id: z.string().min(1) });

export const PUT = handleRoute({ auth: "providers.manage", params, body: providerInputSchema }, async ({ params, body }) => ({ provider: await updateProvider(params.id, body) }));

export const DELETE = handleRoute({ auth: "providers.manage", params }, async ({ params }) => {
  await deleteProvider(params.id);
  return { deleted: params.id };
});
