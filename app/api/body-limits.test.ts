// Request bodies are limited while they stream in: an oversize body (chunked, no Content-Length)
// gets 413 naming the limit, and the server stops pulling at the limit instead of buffering it all.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { POST as signIn } from "@/app/api/auth/sign-in/route";
import { handleRoute } from "@/lib/api/route-handler";
import { countingStream, streamedRequest } from "@/lib/testing/counting-stream";
import { makeTestUser, TEST_PASSWORD } from "@/lib/testing/test-accounts";

const ORIGIN = "http://localhost";
const context = { params: Promise.resolve({}) };
const jsonHeaders = { origin: ORIGIN, "content-type": "application/json" };
const CHUNK = 64 * 1024;

describe("JSON request bodies", () => {
  it("refuses a 100 MB sign-in body with 413 naming the limit, after reading no more than the limit and a chunk", async () => {
    const body = countingStream({
      total: 100 * 1024 * 1024,
      chunk: CHUNK,
      head: new TextEncoder().encode('{"email":"x@example.test","password":"'),
    });
    const response = await signIn(
      streamedRequest(`${ORIGIN}/api/auth/sign-in`, body.stream, jsonHeaders),
      context,
    );
    expect(response.status).toBe(413);
    const payload = (await response.json()) as { error: string; message: string };
    expect(payload.error).toBe("payload_too_large");
    expect(payload.message).toContain("16 KB");
    expect(body.pulled()).toBeLessThanOrEqual(16 * 1024 + CHUNK);
    expect(body.cancelled()).toBe(true);
  });

  it("refuses a declared Content-Length over the limit without reading the body", async () => {
    const body = countingStream({ total: 4 * 1024 * 1024, chunk: CHUNK });
    const response = await signIn(
      streamedRequest(`${ORIGIN}/api/auth/sign-in`, body.stream, {
        ...jsonHeaders,
        "content-length": String(4 * 1024 * 1024),
      }),
      context,
    );
    expect(response.status).toBe(413);
    expect(body.pulled()).toBe(0);
  });

  it("still signs in with a normal body sent in pieces", async () => {
    const user = await makeTestUser("annotator");
    const text = JSON.stringify({ email: user.email, password: TEST_PASSWORD });
    const bytes = new TextEncoder().encode(text);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 7) controller.enqueue(bytes.subarray(at, at + 7));
        controller.close();
      },
    });
    const response = await signIn(
      streamedRequest(`${ORIGIN}/api/auth/sign-in`, stream, jsonHeaders),
      context,
    );
    expect(response.status).toBe(200);
  });

  it("caps every JSON route at 1 MB by default and lets a route set its own limit", async () => {
    const echo = handleRoute({ auth: "public", body: z.object({ text: z.string() }) }, async ({ body }) => ({
      length: body.text.length,
    }));
    const big = countingStream({
      total: 50 * 1024 * 1024,
      chunk: CHUNK,
      head: new TextEncoder().encode('{"text":"'),
    });
    const refused = await echo(streamedRequest(`${ORIGIN}/x`, big.stream, jsonHeaders), context);
    expect(refused.status).toBe(413);
    expect(((await refused.json()) as { message: string }).message).toContain("1 MB");
    expect(big.pulled()).toBeLessThanOrEqual(1024 * 1024 + CHUNK);

    const text = "b".repeat(900 * 1024);
    const fits = await echo(
      new Request(`${ORIGIN}/x`, { method: "POST", headers: jsonHeaders, body: JSON.stringify({ text }) }),
      context,
    );
    expect(await fits.json()).toEqual({ length: text.length });

    const small = handleRoute(
      { auth: "public", body: z.object({ text: z.string() }), bodyLimitBytes: 100 },
      async () => ({ ok: true }),
    );
    const over = await small(
      new Request(`${ORIGIN}/x`, {
        method: "POST",
        headers: jsonHeaders,
        body: JSON.stringify({ text: "c".repeat(200) }),
      }),
      context,
    );
    expect(over.status).toBe(413);
    expect(((await over.json()) as { message: string }).message).toContain("100 bytes");
  });
});
