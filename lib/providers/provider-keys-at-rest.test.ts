// Provider API keys are encrypted in the store (AES-256-GCM); the key to them is SENSE_SECRET_KEY
// or, without it, a 0600 file made in the data directory on first use.
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { callProvider } from "@/lib/llm/provider-client";
import { createProvider, listProviders, syncProviders } from "@/lib/providers/providers";

const KEY = "sk-at-rest-0123456789abcdef";
const seen: string[] = [];
let base = "";
// an endpoint that notes the Authorization header of each request and answers a chat completion
const endpoint = http.createServer((req, res) => {
  seen.push(String(req.headers.authorization));
  req.resume();
  req.on("end", () => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        choices: [{ index: 0, message: { role: "assistant", content: "SELECT 1" } }],
        usage: { prompt_tokens: 1, completion_tokens: 1 },
      }),
    );
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => endpoint.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => endpoint.close(() => resolve())));

const storedKey = async (name: string) =>
  (await prisma.provider.findUniqueOrThrow({ where: { name } })).apiKey;
const storeHolds = (text: string) =>
  [env.dbFile, `${env.dbFile}-wal`].some(
    (file) => fs.existsSync(file) && fs.readFileSync(file).includes(Buffer.from(text)),
  );

describe("provider API keys at rest", () => {
  it("are stored encrypted, never in plain text in the store's files, and sent decrypted to the endpoint only", async () => {
    await createProvider({ name: "sealed", baseUrl: base, model: "m", apiKey: KEY });
    const stored = await storedKey("sealed");
    expect(stored).toMatch(/^enc:v1:/);
    expect(stored).not.toContain(KEY);
    expect(storeHolds(KEY)).toBe(false);
    expect(JSON.stringify(await listProviders())).not.toContain(KEY);
    const keyFile = path.join(env.dataDir, "secret.key");
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const { record } = await callProvider(
      await prisma.provider.findUniqueOrThrow({ where: { name: "sealed" } }),
      [{ role: "user", content: "q" }],
    );
    expect(record.status).toBe("ok");
    expect(seen.at(-1)).toBe(`Bearer ${KEY}`);
  });

  it("read a key stored in plain text before, and encrypt it on the next start", async () => {
    await prisma.provider.create({
      data: { name: "legacy", baseUrl: base, model: "m", apiKey: "sk-legacy-plain", managedBy: "ui" },
    });
    await callProvider(await prisma.provider.findUniqueOrThrow({ where: { name: "legacy" } }), [
      { role: "user", content: "q" },
    ]);
    expect(seen.at(-1)).toBe("Bearer sk-legacy-plain");
    await syncProviders(); // what every start runs
    expect(await storedKey("legacy")).toMatch(/^enc:v1:/);
    const own = new Database(env.dbFile);
    own.pragma("wal_checkpoint(TRUNCATE)"); // the old page goes to the main file: the plain key must not be in it
    own.close();
    expect(storeHolds("sk-legacy-plain")).toBe(false);
    await callProvider(await prisma.provider.findUniqueOrThrow({ where: { name: "legacy" } }), [
      { role: "user", content: "q" },
    ]);
    expect(seen.at(-1)).toBe("Bearer sk-legacy-plain");
  });

  it("refuse a key that does not decrypt with a message that says what to do, without sending anything", async () => {
    const sealed = (await storedKey("sealed"))!;
    const tampered = `${sealed.slice(0, -4)}${sealed.endsWith("AAAA") ? "BBBB" : "AAAA"}`;
    await prisma.provider.update({ where: { name: "sealed" }, data: { apiKey: tampered } });
    const before = seen.length;
    await expect(
      callProvider(await prisma.provider.findUniqueOrThrow({ where: { name: "sealed" } }), [
        { role: "user", content: "q" },
      ]),
    ).rejects.toThrow(
      'The API key of provider "sealed" cannot be decrypted with this SENSE_SECRET_KEY (or data/secret.key); enter the key again.',
    );
    expect(seen.length).toBe(before);
  });
});
