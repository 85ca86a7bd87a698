import { handleRoute } from "@/lib/api/route-handler";
import { createApiToken, listApiTokens, newApiTokenSchema } from "@/lib/auth/api-tokens";

export const GET = handleRoute({ auth: "account.self" }, async ({ user }) => ({
  tokens: await listApiTokens(user.id),
}));

// The answer holds the token itself, the only time it is shown.
export const POST = handleRoute(
  { auth: "account.self", browserOnly: true, body: newApiTokenSchema },
  ({ user, body }) => createApiToken(user, body),
);
