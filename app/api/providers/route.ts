import { handleRoute } from "@/lib/api/route-handler";
import { providerInputSchema } from "@/lib/providers/provider-schema";
import { createProvider, listProviders } from "@/lib/providers/providers";

export const GET = handleRoute({ auth: "providers.read" }, () => listProviders());

export const POST = handleRoute({ auth: "providers.manage", body: providerInputSchema }, async ({ body, user }) => ({ provider: await createProvider(body, user) }));
