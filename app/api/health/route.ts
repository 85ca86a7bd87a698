import { handleRoute } from "@/lib/api/route-handler";
import { checkStoreHealth } from "@/lib/store/store-health";

export const GET = handleRoute({ auth: "public" }, () => checkStoreHealth());
