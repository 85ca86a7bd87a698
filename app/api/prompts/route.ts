import { handleRoute } from "@/lib/api/route-handler";
import { listPromptFiles } from "@/lib/synthesis/prompt-files";

export const GET = handleRoute({ auth: "jobs.manage" }, async () => listPromptFiles());
