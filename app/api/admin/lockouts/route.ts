import { handleRoute } from "@/lib/api/route-handler";
import { listCurrentLockouts } from "@/lib/auth/sign-in-lockouts";

export const GET = handleRoute({ auth: "accounts.manage" }, () => listCurrentLockouts());
