import { handleRoute } from "@/lib/api/route-handler";
import { listDatabases } from "@/lib/databases/read-databases";
import { registerUploadedDatabase } from "@/lib/databases/register-upload";

export const GET = handleRoute({ auth: "data.read" }, () => listDatabases());

// multipart/form-data: `file` (a .sqlite file) and optional `name`.
export const POST = handleRoute({ auth: "databases.manage" }, async ({ user, request }) => ({
  database: await registerUploadedDatabase(user, request),
}));
