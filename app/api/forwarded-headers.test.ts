// X-Forwarded-Host and X-Forwarded-Proto are the client's to forge unless a proxy in front sets
// them: they count (for our own origin and for Secure cookies) only with SENSE_TRUST_PROXY=1.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as signIn } from "@/app/api/auth/sign-in/route";
import { env } from "@/lib/env";
import { makeTestUser, TEST_PASSWORD } from "@/lib/testing/test-accounts";

const context = { params: Promise.resolve({}) };
let email = "";
beforeAll(async () => {
  email = (await makeTestUser("annotator")).email;
});
afterEach(() => {
  env.SENSE_TRUST_PROXY = "0";
});

const signInFrom = (headers: Record<string, string>) =>
  signIn(
    new Request("http://127.0.0.1:3000/api/auth/sign-in", {
      method: "POST",
      headers: { host: "127.0.0.1:3000", "content-type": "application/json", ...headers },
      body: JSON.stringify({ email, password: TEST_PASSWORD }),
    }),
    context,
  );

const forged = {
  origin: "https://evil.example",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
};

describe("forwarded headers", () => {
  it("are ignored without SENSE_TRUST_PROXY: a cross-site sign-in that forges them is refused", async () => {
    const response = await signInFrom(forged);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { message: string }).message).toContain("origin https://evil.example");
  });

  it("do not make the cookie Secure without SENSE_TRUST_PROXY (X-Forwarded-Proto is the client's)", async () => {
    const response = await signInFrom({ origin: "http://127.0.0.1:3000", "x-forwarded-proto": "https" });
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).not.toMatch(/Secure/);
  });

  it("count with SENSE_TRUST_PROXY=1: the proxy's host and scheme are our origin, and the cookie is Secure", async () => {
    env.SENSE_TRUST_PROXY = "1";
    const response = await signInFrom({
      origin: "https://studio.example.org",
      "x-forwarded-host": "studio.example.org",
      "x-forwarded-proto": "https",
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toMatch(/; Secure/);
  });
});
