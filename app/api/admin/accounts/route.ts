import { handleRoute } from "@/lib/api/route-handler";
import { createAccount, listAccounts, newAccountSchema } from "@/lib/auth/accounts";

export const GET = handleRoute({ auth: "accounts.manage" }, async () => ({ accounts: await listAccounts() }));

export const POST = handleRoute(
  { auth: "accounts.manage", body: newAccountSchema },
  async ({ user, body }) => ({ account: await createAccount(user, body) }),
);
