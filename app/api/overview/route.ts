import { handleRoute } from "@/lib/api/route-handler";
import { can } from "@/lib/auth/roles";
import { readOverview } from "@/lib/overview/read-overview";

export const GET = handleRoute({ auth: "data.read" }, ({ user }) =>
  readOverview(can(user.role, "progress.all") ? { everyone: true } : { everyone: false, userId: user.id }),
);
