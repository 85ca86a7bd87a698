import http from "node:http";
import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/auth/safe-next-path";

/** Whether Node's HTTP server takes the value as a Location header (it throws ERR_INVALID_CHAR otherwise). */
function validLocation(value: string): boolean {
  const response = new http.ServerResponse(new http.IncomingMessage(null as never));
  try {
    response.setHeader("location", value);
    return true;
  } catch {
    return false;
  }
}

describe("safeNextPath", () => {
  it("keeps paths on this site", () => {
    expect(safeNextPath("/review?queue=sft&job=j1")).toBe("/review?queue=sft&job=j1");
    expect(safeNextPath("/")).toBe("/");
    expect(safeNextPath("/tasks?q=a%20b#top")).toBe("/tasks?q=a%20b#top");
  });

  it("sends anything that could leave the site to the overview", () => {
    for (const bad of [
      "https://evil.example/",
      "//evil.example",
      "/\\evil.example",
      "/\\/evil.example",
      "\\\\evil.example",
      "javascript:alert(1)",
      "/\t/evil.example",
      "/\n/evil.example",
      "",
      null,
      undefined,
      "review",
    ]) {
      expect(safeNextPath(bad), String(bad)).toBe("/");
    }
  });

  it("percent-encodes a path with non-ASCII characters, so it can go in a Location header", () => {
    for (const [next, want] of [
      ["/databases/数据库", "/databases/%E6%95%B0%E6%8D%AE%E5%BA%93"],
      ["/tasks?q=bibliothèque 🙂", "/tasks?q=biblioth%C3%A8que%20%F0%9F%99%82"],
      ["/review#ü", "/review#%C3%BC"],
    ] as const) {
      const safe = safeNextPath(next);
      expect(safe).toBe(want);
      expect(validLocation(safe), safe).toBe(true);
    }
  });
});
