import { handleRoute } from "@/lib/api/route-handler";
import { providerInputSchema } from "@/lib/providers/provider-schema";
import { addProvider } from "@/lib/providers/provider-connection";
import { listProviders } from "@/lib/providers/providers";

export const GET = handleRoute({ auth: "providers.read" }, () => listProviders());

export const POST = handleRoute({ auth: "providers.manage", body: providerInputSchema }, ({ body, user }) =>
  addProvider(body, user),
); // { provider, connection }
