import { handleRoute } from "@/lib/api/route-handler";
import { liftLockout, lockoutParamsSchema } from "@/lib/auth/sign-in-lockouts";

export const POST = handleRoute(
  { auth: "accounts.manage", params: lockoutParamsSchema },
  async ({ user, params }) => ({ lifted: await liftLockout(user, params.id) }),
);
