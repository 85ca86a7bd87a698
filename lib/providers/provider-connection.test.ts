import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addProvider, testConnection } from "@/lib/providers/provider-connection";
import { startHostileModelServer, type HostileModelServer } from "@/lib/testing/hostile-model-server";

let hostile: HostileModelServer;
let origin = "";
let closedPort = 0;
beforeAll(async () => {
  hostile = await startHostileModelServer();
  origin = hostile.base.replace(/\/v1$/, "");
  // a port that was free a moment ago: nothing listens there
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});
afterAll(() => hostile.stop());

const provider = (baseUrl: string, model = "ok", extra: { apiKey?: string; timeoutMs?: number } = {}) => ({
  name: "t",
  baseUrl,
  model,
  apiKey: extra.apiKey ?? null,
  timeoutMs: extra.timeoutMs ?? 5_000,
});

describe("a provider's connection test", () => {
  it("answers in words: reachable with the model listed, or not listed", async () => {
    expect(await testConnection(provider(hostile.base))).toMatchObject({
      verdict: "ok",
      summary: 'Reachable: the model "ok" is listed (7 models).',
    });
    expect(await testConnection(provider(hostile.base, "gpt-9"))).toMatchObject({
      verdict: "model_missing",
      summary:
        'Reachable, but the model "gpt-9" is not among the 7 it lists (braces, huge, long, garbage, bad-shape, …).',
    });
  });

  it("says when the key is refused, when no model list exists, when nothing answers in time and when nothing listens", async () => {
    expect(await testConnection(provider(`${origin}/refuse/v1`, "ok", { apiKey: "sk-wrong" }))).toMatchObject(
      {
        verdict: "auth_refused",
        summary: expect.stringContaining("Reachable, but the API key was refused (HTTP 401)"),
      },
    );
    expect(await testConnection(provider(`${origin}/refuse/v1`))).toMatchObject({
      verdict: "auth_refused",
      summary: "Reachable, but it asks for an API key (HTTP 401) and none is set.",
    });
    expect(await testConnection(provider(`${origin}/nothing/v1`))).toMatchObject({
      verdict: "no_model_list",
      summary: expect.stringContaining("it does not list its models (HTTP 404"),
    });
    expect(await testConnection(provider(`${origin}/hang/v1`, "ok", { timeoutMs: 300 }))).toMatchObject({
      verdict: "timeout",
      summary: `No answer from ${origin}/hang/v1/models within 0.3 s.`,
    });
    expect(await testConnection(provider(`http://127.0.0.1:${closedPort}/v1`))).toMatchObject({
      verdict: "unreachable",
      summary: `Not reachable: http://127.0.0.1:${closedPort}/v1/models: the connection was refused (nothing listens there).`,
    });
  });

  it("runs when a provider is added, which is kept whatever it says", async () => {
    const added = await addProvider({
      name: "added-hanging",
      baseUrl: `${origin}/hang/v1`,
      model: "ok",
      timeoutMs: 200,
    });
    expect(added.provider).toMatchObject({ name: "added-hanging" });
    expect(added.connection.verdict).toBe("timeout");
    expect(
      (await addProvider({ name: "added-ok", baseUrl: hostile.base, model: "ok" })).connection.verdict,
    ).toBe("ok");
  });
});
