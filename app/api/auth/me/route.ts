import { handleRoute } from "@/lib/api/route-handler";

export const GET = handleRoute({ auth: "account.self" }, async ({ user }) => ({ user }));
