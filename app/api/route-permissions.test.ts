// The permission matrix: every route handler under app/api, called as nobody and as each role,
// must answer 401 (nobody), 403 (a role below the route's) or 200. The expected least role per
// route is written here, apart from the routes' own declarations, so a route that drifts fails.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { createApiToken } from "@/lib/auth/api-tokens";
import { roles, type Role } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import { createSession } from "@/lib/auth/sessions";
import { createMutationJob } from "@/lib/jobs/create-job";
import { createProvider } from "@/lib/providers/providers";
import { registerDatabase } from "@/lib/databases/register-database";
import { seedDemo } from "@/lib/seed/seed-demo";
import { startExport } from "@/lib/export/exports";
import { runWorker } from "@/lib/jobs/run-worker";
import { acceptItem } from "@/lib/review/review-actions";
import { writeBenchmarkFolder, writeSqlite } from "@/lib/testing/sqlite-fixtures";
import { makeTestUser, TEST_PASSWORD } from "@/lib/testing/test-accounts";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Call = { params?: Record<string, string>; query?: string; body?: unknown; form?: FormData };
type Entry = { least: Role | "nobody"; call: (actor: SessionUser | null) => Promise<Call> | Call };

const apiDir = path.join(env.projectRoot, "app", "api");
const ORIGIN = "http://localhost";
let n = 0;
const unique = (prefix: string) => `${prefix}_${Date.now().toString(36)}_${n++}`;

let databaseName = "city_library";
let taskId = "";
let databaseId = "";
let jobId = "";
let doneExport = { id: "", file: "" };
const people = {} as Record<Role, SessionUser>;

/** A database of its own for a call that renames or deletes one. */
async function spareDatabase() {
  const name = unique("spare");
  await registerDatabase({
    name,
    sourceFile: writeSqlite(
      path.join(env.dataDir, "matrix", `${name}.sqlite`),
      "CREATE TABLE t (x INTEGER);",
    ),
    source: "path",
  });
  return name;
}

/** A pending SFT sample claimed by `owner` (so an action on it is theirs to take). */
async function claimedSample(owner: SessionUser | null) {
  const sample = await prisma.sftSample.create({
    data: {
      databaseId,
      question: `${unique("q")}?`,
      sql: "SELECT count(*) FROM books",
      origin: "strong",
      execStatus: "ok",
      difficulty: "easy",
      leaseOwnerId: owner?.id ?? null,
      leaseExpiresAt: new Date(Date.now() + 60_000),
    },
  });
  return sample.id;
}

const matrix: Record<string, Entry> = {
  "GET /api/health": { least: "nobody", call: () => ({}) },
  "POST /api/auth/sign-in": {
    least: "nobody",
    call: () => ({ body: { email: people.annotator.email, password: TEST_PASSWORD } }),
  },
  "POST /api/auth/sign-out": { least: "annotator", call: () => ({}) },
  "GET /api/auth/me": { least: "annotator", call: () => ({}) },
  "POST /api/account/password": {
    least: "annotator",
    call: () => ({ body: { currentPassword: TEST_PASSWORD, newPassword: TEST_PASSWORD } }),
  },
  "GET /api/account/tokens": { least: "annotator", call: () => ({}) },
  "POST /api/account/tokens": { least: "annotator", call: () => ({ body: { name: "matrix" } }) },
  "DELETE /api/account/tokens/[id]": {
    least: "annotator",
    call: async (actor) => ({
      params: { id: actor ? (await createApiToken(actor, { name: "to revoke" })).apiToken.id : "none" },
    }),
  },
  "GET /api/overview": { least: "annotator", call: () => ({}) },
  "GET /api/databases": { least: "annotator", call: () => ({}) },
  "GET /api/databases/[name]": { least: "annotator", call: () => ({ params: { name: databaseName } }) },
  "GET /api/tasks": { least: "annotator", call: () => ({ query: "database=city_library" }) },
  "GET /api/items/databases": { least: "annotator", call: () => ({}) },
  "GET /api/tasks/facets": { least: "annotator", call: () => ({}) },
  "GET /api/tasks/[id]": { least: "annotator", call: () => ({ params: { id: taskId } }) },
  "GET /api/review/counts": { least: "annotator", call: () => ({}) },
  "POST /api/review/deck": { least: "annotator", call: () => ({ body: { queue: "sft" } }) },
  "POST /api/review/heartbeat": { least: "annotator", call: () => ({ body: { ids: [] } }) },
  "POST /api/review/[queue]/[id]/[action]": {
    least: "annotator",
    call: async (actor) => ({
      params: { queue: "sft", id: await claimedSample(actor), action: "accept" },
      body: {},
    }),
  },
  "GET /api/review/[queue]/[id]/history": {
    least: "annotator",
    call: async () => ({ params: { queue: "sft", id: await claimedSample(null) } }),
  },
  "POST /api/review/undo": {
    least: "annotator",
    call: async (actor) => {
      if (actor) await acceptItem(actor, "sft", await claimedSample(actor));
      return {};
    },
  },
  "GET /api/sql/schema": { least: "annotator", call: () => ({ query: "database=city_library" }) },
  "POST /api/sql/run": {
    least: "annotator",
    call: () => ({ body: { database: "city_library", sql: "SELECT count(*) FROM books" } }),
  },
  "GET /api/exports": { least: "researcher", call: () => ({}) },
  "POST /api/exports": {
    least: "researcher",
    call: () => ({ body: { format: "alpaca", statuses: ["pending"] } }),
  },
  "POST /api/exports/preview": {
    least: "researcher",
    call: () => ({ body: { format: "alpaca", statuses: ["pending"] } }),
  },
  "POST /api/exports/[id]/cancel": {
    least: "researcher",
    call: async () => {
      const row = await prisma.export.create({
        data: {
          format: "alpaca",
          status: "running",
          filtersJson: "{}",
          templateName: "sense-style",
          appVersion: "test",
        },
      });
      return { params: { id: row.id } };
    },
  },
  "GET /api/exports/[id]/files/[name]": {
    least: "researcher",
    call: () => ({ params: { id: doneExport.id, name: doneExport.file } }),
  },
  "GET /api/jobs": { least: "lead", call: () => ({}) },
  "POST /api/jobs": {
    least: "lead",
    call: () => ({ body: { kind: "mutation", tasks: { database: "city_library", limit: 1 } } }),
  },
  "GET /api/jobs/[id]/failures": { least: "lead", call: () => ({ params: { id: jobId } }) },
  "GET /api/jobs/[id]": { least: "lead", call: () => ({ params: { id: jobId } }) },
  "GET /api/jobs/[id]/items": { least: "lead", call: () => ({ params: { id: jobId } }) },
  "GET /api/jobs/estimate": {
    least: "lead",
    call: () => ({
      query: `config=${encodeURIComponent(JSON.stringify({ kind: "mutation", tasks: { database: "city_library" } }))}`,
    }),
  },
  "POST /api/jobs/[id]/[action]": {
    least: "lead",
    call: async () => ({
      params: {
        id: (await createMutationJob({ kind: "mutation", tasks: { database: "city_library", limit: 1 } })).id,
        action: "pause",
      },
    }),
  },
  "GET /api/prompts": { least: "lead", call: () => ({}) },
  "GET /api/providers": { least: "lead", call: () => ({}) },
  "GET /api/audit": { least: "lead", call: () => ({}) },
  "POST /api/providers": {
    least: "admin",
    call: () => ({ body: { name: unique("p"), baseUrl: "http://127.0.0.1:9/v1", model: "m" } }),
  },
  "PUT /api/providers/[id]": {
    least: "admin",
    call: async () => {
      const name = unique("p");
      const provider = await createProvider({ name, baseUrl: "http://127.0.0.1:9/v1", model: "m" });
      return { params: { id: provider.id }, body: { name, baseUrl: "http://127.0.0.1:9/v1", model: "m2" } };
    },
  },
  "POST /api/providers/[id]/test": {
    least: "lead",
    call: async () => ({
      params: {
        id: (
          await createProvider({
            name: unique("p"),
            baseUrl: "http://127.0.0.1:9/v1",
            model: "m",
            timeoutMs: 500,
          })
        ).id,
      },
    }),
  },
  "DELETE /api/providers/[id]": {
    least: "admin",
    call: async () => ({
      params: {
        id: (await createProvider({ name: unique("p"), baseUrl: "http://127.0.0.1:9/v1", model: "m" })).id,
      },
    }),
  },
  "POST /api/databases": {
    least: "admin",
    call: () => {
      const form = new FormData();
      const bytes = fs.readFileSync(
        writeSqlite(
          path.join(env.dataDir, "matrix", `${unique("up")}.sqlite`),
          "CREATE TABLE t (x INTEGER);",
        ),
      );
      form.set("file", new File([bytes], `${unique("upload")}.sqlite`));
      return { form };
    },
  },
  "POST /api/databases/from-path": {
    least: "admin",
    call: () => ({
      body: {
        path: writeSqlite(
          path.join(env.importRoots[0]!, `${unique("fp")}.sqlite`),
          "CREATE TABLE t (x INTEGER);",
        ),
        name: unique("fp"),
      },
    }),
  },
  "GET /api/databases/[name]/deletion": { least: "admin", call: () => ({ params: { name: databaseName } }) },
  "PATCH /api/databases/[name]": {
    least: "admin",
    call: async () => ({ params: { name: await spareDatabase() }, body: { name: unique("renamed") } }),
  },
  "DELETE /api/databases/[name]": {
    least: "admin",
    call: async () => ({ params: { name: await spareDatabase() } }),
  },
  "GET /api/imports": { least: "admin", call: () => ({}) },
  "POST /api/imports": {
    least: "admin",
    call: () => ({
      body: {
        format: "spider",
        dir: writeBenchmarkFolder(
          path.join(env.importRoots[0]!, unique("spider")),
          { "dev.json": [{ db_id: "kiosk", question: "How many?", query: "SELECT count(*) FROM t" }] },
          { kiosk: "CREATE TABLE t (x INTEGER);" },
        ),
      },
    }),
  },
  "GET /api/imports/[id]": {
    least: "admin",
    call: async () => ({
      params: {
        id: (
          await prisma.importRun.create({
            data: { format: "spider", dirPath: "/gone", split: "dev", status: "failed" },
          })
        ).id,
      },
    }),
  },
  "GET /api/admin/accounts": { least: "admin", call: () => ({}) },
  "POST /api/admin/accounts": {
    least: "admin",
    call: () => ({
      body: {
        email: `${unique("new")}@example.test`,
        name: "New Person",
        role: "annotator",
        password: TEST_PASSWORD,
      },
    }),
  },
  "PATCH /api/admin/accounts/[id]": {
    least: "admin",
    call: async () => ({
      params: { id: (await makeTestUser("annotator")).id },
      body: { role: "researcher" },
    }),
  },
  "GET /api/admin/lockouts": { least: "admin", call: () => ({}) },
  "POST /api/admin/lockouts/[id]/lift": {
    least: "admin",
    call: async () => {
      const email = `${unique("locked")}@example.test`;
      const lockout = await prisma.signInLockout.create({
        data: { kind: "email", key: email, lockedUntil: new Date(Date.now() + 600_000), failedAttempts: 5 },
      });
      return { params: { id: lockout.id } };
    },
  },
};

/** Every route file under app/api and the methods it exports, as "METHOD /api/route/path". */
async function discoverRoutes(): Promise<Map<string, Handler>> {
  const found = new Map<string, Handler>();
  const walk = async (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name === "route.ts") {
        const route = `/api/${path.relative(apiDir, path.dirname(full)).split(path.sep).join("/")}`;
        const mod = (await import(full)) as Record<string, unknown>;
        for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"])
          if (typeof mod[method] === "function") found.set(`${method} ${route}`, mod[method] as Handler);
      }
    }
  };
  await walk(apiDir);
  return found;
}

async function send(
  key: string,
  handler: Handler,
  actor: SessionUser | null,
  call: Call,
  headers: Record<string, string> = { origin: ORIGIN },
): Promise<Response> {
  const [method, route] = key.split(" ") as [string, string];
  const url = `${ORIGIN}${route.replace(/\[(\w+)\]/g, (_, name: string) => encodeURIComponent(call.params?.[name] ?? ""))}${call.query ? `?${call.query}` : ""}`;
  const all: Record<string, string> = { ...headers };
  if (actor) all.cookie = `sense_session=${(await createSession(actor.id, "matrix")).token}`;
  let body: BodyInit | undefined;
  if (call.form) body = call.form;
  else if (call.body !== undefined) {
    body = JSON.stringify(call.body);
    all["content-type"] = "application/json";
  } else if (method !== "GET") body = "{}";
  return handler(new Request(url, { method, headers: all, body }), {
    params: Promise.resolve(call.params ?? {}),
  });
}

const rank = (r: Role | "nobody") => (r === "nobody" ? -1 : roles.indexOf(r));

let routes: Map<string, Handler>;

beforeAll(async () => {
  await seedDemo();
  const db = await prisma.targetDatabase.findUniqueOrThrow({ where: { name: "city_library" } });
  databaseId = db.id;
  databaseName = db.name;
  taskId = (await prisma.task.findFirstOrThrow({ where: { databaseId } })).id;
  for (const role of roles) people[role] = await makeTestUser(role, `Matrix ${role}`);
  await claimedSample(null);
  const started = await startExport({ format: "alpaca", statuses: ["pending"] }, null);
  await runWorker({ workerId: "matrix", stopWhenIdle: true, pollMs: 20 }); // writes the export (before the job below exists)
  const row = await prisma.export.findUniqueOrThrow({ where: { id: started.id } });
  const manifest = JSON.parse(row.manifestJson ?? "{}") as { files?: { name: string }[] };
  doneExport = { id: row.id, file: manifest.files?.[0]?.name ?? "" };
  expect(doneExport.file).not.toBe("");
  jobId = (await createMutationJob({ kind: "mutation", tasks: { database: "city_library", limit: 1 } })).id;
  routes = await discoverRoutes();
}, 60_000);

describe("the permission matrix", () => {
  it("lists every route handler and nothing else", () => {
    expect([...routes.keys()].sort()).toEqual(Object.keys(matrix).sort());
  });

  it("answers nobody 401, a role below the route's 403, and the others 200, for every route", async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const [key, entry] of Object.entries(matrix)) {
      const handler = routes.get(key);
      if (!handler) continue; // the test above names it
      for (const who of ["nobody", ...roles] as const) {
        const actor = who === "nobody" ? null : people[who];
        const response = await send(key, handler, actor, await entry.call(actor));
        const want = rank(who) >= rank(entry.least) ? 200 : who === "nobody" ? 401 : 403;
        outcomes.push(
          `${key} as ${who}: ${response.status}${response.status === want ? "" : ` ${(await response.text()).slice(0, 160)}`}`,
        );
        expected.push(`${key} as ${who}: ${want}`);
      }
    }
    expect(outcomes).toEqual(expected);
  }, 120_000);

  // (an import's finish is written by the job runner, attributed to its starter: lib/audit/database-audit-entries.test.ts)
  it("wrote each caller of the matrix into the audit log: reviews, exports, jobs, providers, accounts", async () => {
    const named = async (action: string, who: SessionUser) =>
      prisma.auditEvent.count({ where: { action, userId: who.id, via: "ui" } });
    for (const action of ["job.start", "job.pause"])
      expect(await named(action, people.lead), action).toBeGreaterThan(0);
    for (const action of ["export.start", "export.cancel"])
      expect(await named(action, people.researcher), action).toBeGreaterThan(0);
    for (const action of [
      "provider.create",
      "provider.update",
      "provider.delete",
      "account.create",
      "account.update",
      "database.upload",
      "database.register",
      "import.start",
      "session.lockout-lift",
    ]) {
      expect(await named(action, people.admin), action).toBeGreaterThan(0);
    }
    // a lockout is lifted only by an admin: the others' calls were refused and lifted nothing
    expect(
      await prisma.auditEvent.count({
        where: { action: "session.lockout-lift", userId: { not: people.admin.id } },
      }),
    ).toBe(0);
    expect(
      await prisma.reviewAction.count({
        where: { userId: people.annotator.id, action: "accept", via: "ui" },
      }),
    ).toBeGreaterThan(0);
    // the refused calls wrote nothing: every entry from a request names a person
    expect(await prisma.auditEvent.count({ where: { userId: null, via: { not: "system" } } })).toBe(0);
  });
});

describe("how a request says who it is", () => {
  const me = () => routes.get("GET /api/auth/me")!;
  const mutation = () => routes.get("POST /api/account/tokens")!;

  it("takes an API token as Authorization: Bearer, and refuses a revoked one or a disabled account's", async () => {
    const lead = await makeTestUser("lead", "Token Lead");
    const { token, apiToken } = await createApiToken(lead, { name: "script" });
    const bearer = { authorization: `Bearer ${token}` };
    const ok = await send("GET /api/auth/me", me(), null, {}, bearer);
    expect(await ok.json()).toMatchObject({ user: { id: lead.id, via: "api-token" } });
    // a token request carries no cookie, so no CSRF check: no Origin needed
    expect(
      (
        await send(
          "POST /api/review/heartbeat",
          routes.get("POST /api/review/heartbeat")!,
          null,
          { body: { ids: [] } },
          bearer,
        )
      ).status,
    ).toBe(200);
    // but a token cannot mint more tokens or change the password (a leaked one must not outlive its revocation)
    const minted = await send(
      "POST /api/account/tokens",
      mutation(),
      null,
      { body: { name: "more" } },
      bearer,
    );
    expect(minted.status).toBe(403);
    expect((await minted.json()).message).toContain("an API token cannot make tokens or change passwords");
    expect(
      (
        await send(
          "POST /api/account/password",
          routes.get("POST /api/account/password")!,
          null,
          { body: { currentPassword: TEST_PASSWORD, newPassword: "another long password" } },
          bearer,
        )
      ).status,
    ).toBe(403);
    await prisma.user.update({ where: { id: lead.id }, data: { disabledAt: new Date() } });
    expect((await send("GET /api/auth/me", me(), null, {}, bearer)).status).toBe(401);
    await prisma.user.update({ where: { id: lead.id }, data: { disabledAt: null } });
    await prisma.apiToken.update({ where: { id: apiToken.id }, data: { revokedAt: new Date() } });
    expect((await send("GET /api/auth/me", me(), null, {}, bearer)).status).toBe(401);
  });

  it("refuses a cookie-carrying mutation from another site (CSRF) and allows our own origin", async () => {
    const actor = people.annotator;
    const evil = await send(
      "POST /api/account/tokens",
      mutation(),
      actor,
      { body: { name: "x" } },
      { origin: "https://evil.example" },
    );
    expect(evil.status).toBe(403);
    expect((await evil.json()).message).toContain("from another site (origin https://evil.example)");
    expect(
      (await send("POST /api/account/tokens", mutation(), actor, { body: { name: "x" } }, {})).status,
    ).toBe(403); // no Origin at all
    expect(
      (
        await send(
          "POST /api/account/tokens",
          mutation(),
          actor,
          { body: { name: "x" } },
          { "sec-fetch-site": "same-origin" },
        )
      ).status,
    ).toBe(200);
    expect((await send("GET /api/auth/me", me(), actor, {}, { origin: "https://evil.example" })).status).toBe(
      200,
    ); // reads are not mutations
    expect(
      (
        await send(
          "POST /api/auth/sign-in",
          routes.get("POST /api/auth/sign-in")!,
          null,
          { body: { email: actor.email, password: TEST_PASSWORD } },
          { origin: "https://evil.example" },
        )
      ).status,
    ).toBe(403);
  });

  it("signs in with a cookie that scripts cannot read, and never sends a password hash or token hash back", async () => {
    const response = await send("POST /api/auth/sign-in", routes.get("POST /api/auth/sign-in")!, null, {
      body: { email: people.lead.email.toUpperCase(), password: TEST_PASSWORD },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toMatch(
      /^sense_session=[\w-]{40,}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+$/,
    );
    const text = await response.text();
    expect(text).not.toMatch(/argon2|passwordHash/);
    const accounts = await send(
      "GET /api/admin/accounts",
      routes.get("GET /api/admin/accounts")!,
      people.admin,
      {},
    );
    const tokens = await send(
      "GET /api/account/tokens",
      routes.get("GET /api/account/tokens")!,
      people.admin,
      {},
    );
    for (const body of [await accounts.text(), await tokens.text()])
      expect(body).not.toMatch(/argon2|passwordHash|tokenHash|token_hash/);
  });
});
