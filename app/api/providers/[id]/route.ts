import { z } from "zod";
import { handleRoute } from "@/lib/api/route-handler";
import { providerInputSchema } from "@/lib/providers/provider-schema";
import { deleteProvider, updateProvider } from "@/lib/providers/providers";

const params = z.object({ id: z.string().min(1) });

export const PUT = handleRoute(
  { auth: "providers.manage", params, body: providerInputSchema },
  async ({ params, body, user }) => ({ provider: await updateProvider(params.id, body, user) }),
);

export const DELETE = handleRoute({ auth: "providers.manage", params }, async ({ params, user }) => {
  await deleteProvider(params.id, user);
  return { deleted: params.id };
});
