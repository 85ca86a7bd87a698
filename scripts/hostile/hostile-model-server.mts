// The fake OpenAI-compatible endpoint npm run bench:hostile runs beside the app: the model name of
// a request picks the hostile answer ("braces", "huge", "garbage", "bad-shape", "endless"; also
// "long" and "ok"). The server itself is lib/testing/hostile-model-server.ts, which the unit tests use.
import { startHostileModelServer as start } from "../../lib/testing/hostile-model-server";

export async function startHostileModelServer(): Promise<{ base: string; stop(): Promise<void> }> {
  const server = await start();
  return { base: server.base, stop: () => server.stop() };
}
