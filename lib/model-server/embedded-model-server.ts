import "server-only";
import type http from "node:http";
import { env } from "@/lib/env";
import { createModelServer } from "@/lib/model-server/model-server";
import { checkStandIn, refusalMessage } from "@/lib/model-server/stand-in-identity";

/**
 * listening: ours, here; shared: the port already has a stand-in of ours (another app, `npm run
 * model-server`), which the demo providers use; refused: another program holds the port, and demo
 * traffic is refused (never sent to it); off: SENSE_DEMO_MODEL_SERVER=0; already: this process
 * started it before; failed: it could not listen for another reason.
 */
export type EmbeddedModelServer = {
  server: http.Server | null;
  state: "listening" | "shared" | "refused" | "off" | "already" | "failed";
  message: string;
};

/**
 * The local stand-in model server inside the app (SENSE_DEMO_MODEL_SERVER=1, the default) or a CLI
 * job, so the offline demo's providers answer without another process. Resolves once it listens or
 * has found out who holds the port; never rejects (the outcome is logged).
 */
export async function startEmbeddedModelServer({
  port = env.SENSE_DEMO_MODEL_PORT,
  log = true,
}: { port?: number; log?: boolean } = {}): Promise<EmbeddedModelServer> {
  if (env.SENSE_DEMO_MODEL_SERVER !== "1")
    return {
      server: null,
      state: "off",
      message: "the stand-in model server is off (SENSE_DEMO_MODEL_SERVER=0)",
    };
  const globalForServer = globalThis as unknown as { senseModelServerStarted?: boolean };
  if (globalForServer.senseModelServerStarted)
    return {
      server: null,
      state: "already",
      message: "the stand-in model server was started by this process before",
    };
  globalForServer.senseModelServerStarted = true;
  const { server } = createModelServer();
  const listened = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
    server.once("error", resolve);
    server.listen(port, "127.0.0.1", () => resolve(null));
  });
  server.on("error", (error) => console.error("[model-server] stopped:", error));
  server.on("close", () => (globalForServer.senseModelServerStarted = false)); // closed: it may be started again
  server.unref();
  if (!listened) {
    const message = `local stand-in model server on http://127.0.0.1:${port}/v1`;
    if (log) console.log(`[model-server] ${message}`);
    return { server, state: "listening", message };
  }
  globalForServer.senseModelServerStarted = false;
  if (listened.code !== "EADDRINUSE") {
    console.error("[model-server] could not start:", listened);
    return {
      server: null,
      state: "failed",
      message: `the stand-in model server could not start: ${listened.message}`,
    };
  }
  const check = await checkStandIn(`http://127.0.0.1:${port}/v1`);
  if (check.answer === "ours") {
    const message = `port ${port} already has a stand-in model server of ours (another app, or npm run model-server); the demo providers use it`;
    if (log) console.log(`[model-server] ${message}`);
    return { server: null, state: "shared", message };
  }
  const message = refusalMessage(
    check.answer === "foreign" ? check.reason : `port ${port} is taken, and ${check.reason}`,
  );
  if (log) console.warn(`[model-server] ${message}`);
  return { server: null, state: "refused", message };
}
