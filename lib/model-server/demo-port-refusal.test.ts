// When another program holds the demo model server's port, demo traffic is refused (never sent
// there) and the app says so; a stand-in of ours on the port (another app, `npm run model-server`)
// is used as before. The other program here is a real OpenAI-compatible server that counts what it
// is sent.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { callProvider } from "@/lib/llm/provider-client";
import { createModelServer } from "@/lib/model-server/model-server";

const listening: http.Server[] = [];
afterAll(() => listening.forEach((s) => s.close()));

async function listen(server: http.Server): Promise<number> {
  listening.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** Another program on a port: an OpenAI-compatible server with models of its own. */
async function startForeignServer() {
  const received = { chat: 0 };
  const server = http.createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    if (req.url === "/v1/models")
      return res.end(
        JSON.stringify({
          object: "list",
          data: [{ id: "someone-elses-model", object: "model", created: 0, owned_by: "someone" }],
        }),
      );
    received.chat += 1;
    req.resume();
    res.end(
      JSON.stringify({
        id: "x",
        object: "chat.completion",
        created: 0,
        model: "someone-elses-model",
        choices: [{ index: 0, message: { role: "assistant", content: "SELECT 1" }, finish_reason: "stop" }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    );
  });
  return { port: await listen(server), received };
}

const provider = (name: string, port: number, managedBy: string) =>
  prisma.provider.create({
    data: {
      name,
      baseUrl: `http://127.0.0.1:${port}/v1`,
      model: "sense-demo-weak",
      managedBy,
      timeoutMs: 5_000,
    },
  });
const ask = [{ role: "user" as const, content: "How many singers are there?" }];

describe("demo traffic and the port of the stand-in model server", () => {
  it("refuses to send a demo provider's request to another program on the port, and says why", async () => {
    const foreign = await startForeignServer();
    const { answer, record } = await callProvider(
      await provider("demo-on-foreign", foreign.port, "demo"),
      ask,
    );
    expect(foreign.received.chat).toBe(0);
    expect(answer).toMatchObject({ kind: "network_error" });
    expect(record.error).toContain(
      `http://127.0.0.1:${foreign.port} is held by another program, not the stand-in model server`,
    );
    expect(record.error).toContain("SENSE_DEMO_MODEL_PORT");
  });

  it("tests a demo provider's connection as its jobs would meet it: refused, with the reason", async () => {
    const foreign = await startForeignServer();
    const { testProviderConnection } = await import("@/lib/providers/provider-connection");
    const check = await testProviderConnection(
      (await provider("demo-test-on-foreign", foreign.port, "demo")).id,
    );
    expect(check).toMatchObject({ verdict: "demo_refused" });
    expect(check.summary).toContain(`http://127.0.0.1:${foreign.port} is held by another program`);
    expect(foreign.received.chat).toBe(0);
  });

  it("sends a provider of someone's own to that server as before (only demo traffic is checked)", async () => {
    const foreign = await startForeignServer();
    const { answer } = await callProvider(await provider("own-on-foreign", foreign.port, "ui"), ask);
    expect(answer).toMatchObject({ texts: ["SELECT 1"] });
    expect(foreign.received.chat).toBe(1);
  });

  it("sends demo traffic to a stand-in of ours on the port", async () => {
    const ours = createModelServer();
    const port = await listen(ours.server);
    const { answer } = await callProvider(await provider("demo-on-ours", port, "demo"), ask);
    expect(answer).toHaveProperty("texts");
    expect(ours.stats.chatRequests).toBe(1);
  });
});

describe("the app's embedded stand-in model server", () => {
  it("listens on a free port, shares a port with a stand-in of ours, and refuses one another program holds", async () => {
    const { startEmbeddedModelServer } = await import("@/lib/model-server/embedded-model-server");
    const probe = http.createServer();
    const free = await listen(probe);
    await new Promise((resolve) => probe.close(resolve));
    const started = await startEmbeddedModelServer({ port: free });
    expect(started.state).toBe("listening");
    expect(
      (await (await fetch(`http://127.0.0.1:${free}/v1/models`)).json()).data.map(
        (m: { id: string }) => m.id,
      ),
    ).toEqual(["sense-demo-strong", "sense-demo-weak"]);
    await new Promise((resolve) => started.server!.close(resolve));

    const ours = createModelServer();
    const shared = await startEmbeddedModelServer({ port: await listen(ours.server) });
    expect(shared).toMatchObject({ server: null, state: "shared" });

    const foreign = await startForeignServer();
    const refused = await startEmbeddedModelServer({ port: foreign.port });
    expect(refused).toMatchObject({ server: null, state: "refused" });
    expect(refused.message).toContain(`http://127.0.0.1:${foreign.port} is held by another program`);
  });
});

describe("sense synth --wait with a demo provider", () => {
  it("refuses to start when another program holds the demo port, before any job is made", async () => {
    const { spawn } = await import("node:child_process");
    const path = await import("node:path");
    const { env, inheritedEnv } = await import("@/lib/env");
    const { makeTestUserWithToken } = await import("@/lib/testing/test-accounts");
    const { token } = await makeTestUserWithToken("lead", "Lee Lead");
    const foreign = await startForeignServer();
    const jobsBefore = await prisma.job.count();
    // not spawnSync: the other program answers from this process
    const child = spawn(
      process.execPath,
      [
        path.join(env.projectRoot, "bin", "sense.mjs"),
        "synth",
        "weak",
        "--provider",
        "demo-weak",
        "--limit",
        "1",
        "--wait",
      ],
      {
        env: { ...inheritedEnv(), SENSE_API_TOKEN: token, SENSE_DEMO_MODEL_PORT: String(foreign.port) },
      },
    );
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const result = {
      status: await new Promise<number | null>((resolve) => child.on("close", resolve)),
      stderr,
    };
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `sense: Demo model traffic refused: http://127.0.0.1:${foreign.port} is held by another program`,
    );
    expect(await prisma.job.count()).toBe(jobsBefore);
    expect(foreign.received.chat).toBe(0);
  }, 60_000);
});
