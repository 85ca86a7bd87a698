import "server-only";
import type http from "node:http";
import { env } from "@/lib/env";
import { createModelServer } from "@/lib/model-server/model-server";

/**
 * The local stand-in model server inside the app (SENSE_DEMO_MODEL_SERVER=1, the default), so the
 * offline demo's providers answer without another process. A port already taken (say, by
 * `npm run model-server`) is reported and left to that server.
 */
export function startEmbeddedModelServer(): http.Server | null {
  if (env.SENSE_DEMO_MODEL_SERVER !== "1") return null;
  const globalForServer = globalThis as unknown as { senseModelServerStarted?: boolean };
  if (globalForServer.senseModelServerStarted) return null;
  globalForServer.senseModelServerStarted = true;
  const { server } = createModelServer();
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EADDRINUSE") console.warn(`[model-server] port ${env.SENSE_DEMO_MODEL_PORT} is taken; the demo providers will use whatever answers there`);
    else console.error("[model-server] stopped:", error);
  });
  server.listen(env.SENSE_DEMO_MODEL_PORT, "127.0.0.1", () => {
    console.log(`[model-server] local stand-in model server on http://127.0.0.1:${env.SENSE_DEMO_MODEL_PORT}/v1`);
  });
  server.unref();
  return server;
}
