import { describe, expect, it } from "vitest";
import { z } from "zod";
import { handleRoute } from "@/lib/api/route-handler";
import { conflict, notFound } from "@/lib/errors";

const context = (params: Record<string, string> = {}) => ({ params: Promise.resolve(params) });
const call = (
  handler: ReturnType<typeof handleRoute>,
  url: string,
  init?: RequestInit,
  params?: Record<string, string>,
) => handler(new Request(`http://test${url}`, init), context(params));

describe("handleRoute", () => {
  const route = handleRoute(
    { auth: "public", query: z.object({ n: z.coerce.number().int().min(1) }) },
    async ({ query }) => {
      if (query.n === 404) throw notFound("No such thing.");
      if (query.n === 409) throw conflict("Taken.");
      if (query.n === 500) throw new Error("database password is hunter2");
      if (query.n === 503)
        throw Object.assign(
          new Error(
            "\nInvalid `prisma.user.create()` invocation\nThe store stayed locked by another process for 15003 ms; nothing was changed. Try again.",
          ),
          { name: "PrismaClientKnownRequestError", code: "unavailable" },
        );
      return { doubled: query.n * 2 };
    },
  );

  it("validates input and returns JSON", async () => {
    const ok = await call(route, "/x?n=4");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ doubled: 8 });
    const bad = await call(route, "/x?n=zero");
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toBe("The n must be a number (not “zero”).");
  });

  it("answers 400 with one sentence per field, naming the limit and never echoing long input back", async () => {
    const post = handleRoute(
      {
        auth: "public",
        body: z.object({
          name: z.string().trim().min(1).max(60),
          statuses: z.array(z.enum(["pending", "accepted"])).min(1),
        }),
      },
      async ({ body }) => body,
    );
    const name = "x".repeat(300);
    const res = await call(post, "/y", {
      method: "POST",
      body: JSON.stringify({ name, statuses: [] }),
      headers: { origin: "http://test" },
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { message: string; issues: { path: string; message: string }[] };
    expect(body.message).toBe(
      "The name can be at most 60 characters (this one has 300). The list of statuses needs at least 1 entry (this one has 0).",
    );
    expect(body.issues).toEqual([
      { path: "name", message: "The name can be at most 60 characters (this one has 300)." },
      { path: "statuses", message: "The list of statuses needs at least 1 entry (this one has 0)." },
    ]);
    expect(JSON.stringify(body)).not.toContain(name.slice(0, 50));
  });

  it("maps domain errors to their status with the message", async () => {
    expect((await call(route, "/x?n=404")).status).toBe(404);
    const taken = await call(route, "/x?n=409");
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({ error: "conflict", message: "Taken." });
  });

  it("hides unexpected errors behind a generic message with an id", async () => {
    const res = await call(route, "/x?n=500");
    const body = await res.json();
    expect(res.status).toBe(500);
    expect(JSON.stringify(body)).not.toContain("hunter2");
    expect(body.message).toContain(body.errorId);
  });

  it("answers 503 with Retry-After when the store stayed locked by other processes (as Prisma wraps it)", async () => {
    const res = await call(route, "/x?n=503");
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("1");
    expect((await res.json()).message).toBe(
      "The store stayed locked by another process for 15003 ms; nothing was changed. Try again.",
    );
  });

  it("answers 400 to a body that is not JSON", async () => {
    const post = handleRoute({ auth: "public", body: z.object({ a: z.string() }) }, async ({ body }) => body);
    const res = await call(post, "/y", { method: "POST", body: "{nope", headers: { origin: "http://test" } });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toBe("The request body is not valid JSON.");
  });
});
