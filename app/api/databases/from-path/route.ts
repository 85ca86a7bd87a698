import { handleRoute } from "@/lib/api/route-handler";
import { registerDatabaseFromServerPath, serverPathInputSchema } from "@/lib/databases/register-server-path";

export const POST = handleRoute(
  { auth: "databases.manage", body: serverPathInputSchema },
  async ({ user, body }) => ({
    database: await registerDatabaseFromServerPath(user, body),
  }),
);
