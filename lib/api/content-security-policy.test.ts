import { describe, expect, it } from "vitest";
import { newCspNonce, nonceOfPolicy, pageContentSecurityPolicy } from "@/lib/api/content-security-policy";

describe("the pages' Content-Security-Policy", () => {
  it("lets scripts run only with the response's nonce, and frames, plugins and other origins not at all", () => {
    const csp = pageContentSecurityPolicy("bm9uY2Utb2YtdGhpcy1yZXNwb25zZQ==", { dev: false });
    const directive = (name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));
    expect(directive("script-src")).toBe(
      "script-src 'self' 'nonce-bm9uY2Utb2YtdGhpcy1yZXNwb25zZQ==' 'strict-dynamic'",
    );
    expect(directive("default-src")).toBe("default-src 'self'");
    expect(directive("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive("object-src")).toBe("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(pageContentSecurityPolicy("n", { dev: true })).toContain("'unsafe-eval'"); // next dev needs it
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, newCspNonce));
    expect(nonces.size).toBe(1000);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });

  it("gives back the nonce of a policy, for the page's own inline script (the theme)", () => {
    const nonce = newCspNonce();
    expect(nonceOfPolicy(pageContentSecurityPolicy(nonce, { dev: false }))).toBe(nonce);
    expect(nonceOfPolicy(null)).toBeUndefined();
    expect(nonceOfPolicy("default-src 'self'")).toBeUndefined();
  });
});
