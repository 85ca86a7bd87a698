import { handleRoute } from "@/lib/api/route-handler";
import { listItemDatabases } from "@/lib/items/item-databases";

export const GET = handleRoute({ auth: "data.read" }, async () => ({ databases: await listItemDatabases() }));
