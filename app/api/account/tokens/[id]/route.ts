import { z } from "zod";
import { handleRoute } from "@/lib/api/route-handler";
import { revokeApiToken } from "@/lib/auth/api-tokens";

export const DELETE = handleRoute(
  { auth: "account.self", browserOnly: true, params: z.object({ id: z.string().min(1) }) },
  async ({ user, params }) => ({ token: await revokeApiToken(user, params.id) }),
);
