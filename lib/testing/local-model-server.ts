import type { AddressInfo } from "node:net";
import { afterAll, beforeAll } from "vitest";
import { createModelServer, type ModelServer } from "@/lib/model-server/model-server";

/** Starts the project's local OpenAI-compatible server on a free port for one test file. */
export function withLocalModelServer(): { server: () => ModelServer; baseUrl: () => string } {
  let local: ModelServer | null = null;
  let url = "";
  beforeAll(async () => {
    local = createModelServer();
    await new Promise<void>((resolve) => local!.server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(local.server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((resolve) => (local ? local.server.close(() => resolve()) : resolve())));
  return {
    server: () => {
      if (!local) throw new Error("the local model server has not started");
      return local;
    },
    baseUrl: () => url,
  };
}
