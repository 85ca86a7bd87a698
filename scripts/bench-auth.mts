// npm run bench:auth — what accounts cost: a sign-in (Argon2id) over HTTP, the session check every
// request pays (in the domain and over HTTP), and an API token check, with 10,000 sessions stored.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { reportTimes as report, startBenchApp } from "./bench-app.mjs";

const SESSIONS = Number(process.argv[2] ?? 10_000);
const root = path.resolve(import.meta.dirname, "..");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sense-bench-auth-"));
Object.assign(process.env, {
  SENSE_DATA_DIR: dir,
  SENSE_PROJECT_ROOT: root,
  SENSE_SEED_DEMO: "0",
  NEXT_TELEMETRY_DISABLED: "1",
});

const { prisma } = await import("../lib/db");
const { migrateStore } = await import("../lib/store/prepare-store");
const { createAccount } = await import("../lib/auth/accounts");
const { createApiToken, readApiToken } = await import("../lib/auth/api-tokens");
const { createSession, readSession } = await import("../lib/auth/sessions");
const { hashSecret, newSecret } = await import("../lib/auth/secret-tokens");
migrateStore();

const PASSWORD = "bench password, long enough";
const people: { id: string; email: string }[] = [];
for (let i = 0; i < 20; i++)
  people.push(
    await createAccount(null, {
      email: `p${i}@bench.test`,
      name: `Person ${i}`,
      role: "researcher",
      password: PASSWORD,
    }),
  );
const expiresAt = new Date(Date.now() + 86_400_000);
for (let start = 0; start < SESSIONS; start += 1_000) {
  await prisma.session.createMany({
    data: Array.from({ length: 1_000 }, (_, i) => ({
      id: hashSecret(newSecret()),
      userId: people[(start + i) % people.length]!.id,
      expiresAt,
    })),
  });
}
console.log(`store: ${people.length} accounts, ${SESSIONS} sessions`);

const time = async (n: number, fn: (i: number) => Promise<unknown>) => {
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    xs.push(performance.now() - t0);
  }
  return xs;
};
const tokens = await Promise.all(
  people.slice(0, 5).map(async (p) => (await createSession(p.id, "bench")).token),
);
report(
  "session check (domain, readSession)",
  await time(2_000, (i) => readSession(tokens[i % tokens.length])),
);
const apiToken = (await createApiToken({ id: people[0]!.id }, { name: "bench" })).token;
report("API token check (domain, readApiToken)", await time(2_000, () => readApiToken(apiToken)));
await prisma.$disconnect();

const app = await startBenchApp(root);
try {
  const signIns: number[] = [];
  let cookie = "";
  for (const [i, p] of people.entries()) {
    const t0 = performance.now();
    const res = await fetch(`${app.base}/api/auth/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: app.base },
      body: JSON.stringify({ email: p.email, password: PASSWORD }),
    });
    signIns.push(performance.now() - t0);
    if (!res.ok) throw new Error(`bench: sign-in failed: ${await res.text()}`);
    if (i === 0) cookie = (res.headers.get("set-cookie") ?? "").split(";")[0]!;
  }
  report("sign-in over HTTP (Argon2id verify)", signIns);
  report(
    "GET /api/health over HTTP (no session)",
    await time(300, () => fetch(`${app.base}/api/health`).then((r) => r.text())),
  );
  report(
    "GET /api/auth/me over HTTP (session)",
    await time(300, () => fetch(`${app.base}/api/auth/me`, { headers: { cookie } }).then((r) => r.text())),
  );
  report(
    "GET /api/auth/me over HTTP (API token)",
    await time(300, () =>
      fetch(`${app.base}/api/auth/me`, { headers: { authorization: `Bearer ${apiToken}` } }).then((r) =>
        r.text(),
      ),
    ),
  );
} finally {
  app.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
