import { z } from "zod";
import { handleRoute } from "@/lib/api/route-handler";
import { accountChangeSchema, updateAccount } from "@/lib/auth/accounts";

export const PATCH = handleRoute(
  { auth: "accounts.manage", params: z.object({ id: z.string().min(1) }), body: accountChangeSchema },
  async ({ user, params, body }) => ({
    account: await updateAccount(user, params.id, body),
  }),
);
