import { z } from "zod";
import { handleRoute } from "@/lib/api/route-handler";
import { testProviderConnection } from "@/lib/providers/provider-connection";

export const POST = handleRoute(
  { auth: "providers.read", params: z.object({ id: z.string().min(1) }) },
  async ({ params }) => ({ connection: await testProviderConnection(params.id) }),
);
