import type { AddressInfo } from "node:net";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChatClient } from "@/lib/llm/chat-client";
import { extractSql } from "@/lib/llm/extract-sql";
import { createModelServer, type ModelServer } from "@/lib/model-server/model-server";
import { cityLibraryTasks } from "@/lib/seed/city-library-tasks";

let local: ModelServer;
let baseUrl = "";
beforeAll(async () => {
  local = createModelServer();
  await new Promise<void>((resolve) => local.server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(local.server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => local.server.close(() => resolve())));

const task = cityLibraryTasks[12]!;
const ask = [{ role: "user" as const, content: `Schema: ...\nQuestion: ${task.question}` }];

describe("the local model server through the openai SDK", () => {
  it("lists its models and answers a demo question with its gold SQL, with token usage", async () => {
    const sdk = new OpenAI({ baseURL: baseUrl, apiKey: "x" });
    expect((await sdk.models.list()).data.map((m) => m.id)).toEqual(["sense-demo-strong", "sense-demo-weak"]);
    const answer = await createChatClient({ baseUrl, model: "sense-demo-strong" }).chat(ask);
    if (!("texts" in answer)) throw new Error(answer.message);
    expect(extractSql(answer.texts[0]!)).toEqual({ ok: true, sql: task.sql, from: "fenced" });
    expect(answer.promptTokens).toBeGreaterThan(0);
  });

  it("gives a weak model's samples deterministically: gold on even samples, a mutant on odd ones", async () => {
    const weak = createChatClient({ baseUrl, model: "sense-demo-weak" });
    const first = await weak.chat(ask, { n: 4 });
    const second = await weak.chat(ask, { n: 4 });
    if (!("texts" in first) || !("texts" in second)) throw new Error("failed");
    expect(second.texts).toEqual(first.texts);
    const sqls = first.texts.map((t) => (extractSql(t) as { sql: string }).sql);
    expect(sqls[0]).toBe(task.sql);
    expect(sqls[1]).not.toBe(task.sql);
  });

  it("streams the same answer in chunks", async () => {
    const sdk = new OpenAI({ baseURL: baseUrl, apiKey: "x" });
    const stream = await sdk.chat.completions.create({
      model: "sense-demo-strong",
      messages: ask,
      stream: true,
    });
    let text = "";
    let chunks = 0;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      chunks++;
    }
    expect(chunks).toBeGreaterThan(3);
    expect(extractSql(text)).toMatchObject({ ok: true, sql: task.sql });
  });

  it("retries a 429 after its Retry-After and a 500, then succeeds", async () => {
    const before = local.stats.chatRequests;
    local.setFaults({ every429: before + 1, retryAfterSeconds: 0.3 }); // only the next request is refused
    const started = Date.now();
    const answer = await createChatClient({ baseUrl, model: "sense-demo-strong" }).chat(ask);
    expect("texts" in answer).toBe(true);
    expect(local.stats.chatRequests - before).toBe(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);

    local.setFaults({ every429: 0, every500: local.stats.chatRequests + 1 });
    const after500 = await createChatClient({ baseUrl, model: "sense-demo-strong" }).chat(ask);
    expect("texts" in after500).toBe(true);
    local.setFaults({ every500: 0 });
  });

  it("ends persistent errors, hangs and garbage as failures or unparsable answers, never a throw", async () => {
    local.setFaults({ every500: 1 });
    const failed = await createChatClient({ baseUrl, model: "sense-demo-strong", maxRetries: 1 }).chat(ask);
    expect(failed).toMatchObject({ kind: "http_error", status: 500 });

    local.setFaults({ every500: 0, everyHang: 1 });
    const hung = await createChatClient({
      baseUrl,
      model: "sense-demo-strong",
      maxRetries: 0,
      timeoutMs: 300,
    }).chat(ask);
    expect(hung).toMatchObject({ kind: "timeout" });

    local.setFaults({ everyHang: 0, everyGarbage: 1 });
    const garbage = await createChatClient({ baseUrl, model: "sense-demo-strong" }).chat(ask);
    if (!("texts" in garbage)) throw new Error(garbage.message);
    expect(extractSql(garbage.texts[0]!)).toMatchObject({ ok: false });
    local.setFaults({ everyGarbage: 0 });
  });

  it("refuses a malformed request with an OpenAI-style error", async () => {
    const response = await fetch(`${baseUrl}/chat/completions`, {
      method: "POST",
      body: JSON.stringify({ model: "x", messages: [] }),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.type).toBe("invalid_request_error");
  });
});
