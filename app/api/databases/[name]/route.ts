import { z } from "zod";
import { handleRoute } from "@/lib/api/route-handler";
import { getDatabaseDetail } from "@/lib/databases/read-databases";

export const GET = handleRoute({ auth: "data.read", params: z.object({ name: z.string() }) }, ({ params }) => getDatabaseDetail(params.name));
