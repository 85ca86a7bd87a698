// bench:hostile's app: a fresh store (migrated, demo data, one account per role) and a real
// `next start` on it with its embedded runner, plus sign-in headers per role.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startBenchApp } from "../bench-app.mjs";
import type { HostileContext, Role } from "./hostile-case.mjs";

const PASSWORD = "hostile bench password";
const roles: Role[] = ["admin", "lead", "researcher", "annotator"];

export async function startHostileApp(
  root: string,
  modelBase: string,
): Promise<{ ctx: HostileContext; stop: () => void }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sense-bench-hostile-"));
  fs.mkdirSync(path.join(dataDir, "imports"), { recursive: true });
  Object.assign(process.env, {
    SENSE_DATA_DIR: dataDir,
    SENSE_PROJECT_ROOT: root,
    SENSE_SEED_DEMO: "0",
    NEXT_TELEMETRY_DISABLED: "1",
  });
  const { prisma } = await import("../../lib/db");
  const { migrateStore } = await import("../../lib/store/prepare-store");
  const { seedDemo } = await import("../../lib/seed/seed-demo");
  const { createAccount } = await import("../../lib/auth/accounts");
  migrateStore();
  await seedDemo();
  for (const role of roles)
    await createAccount(null, {
      email: `${role}@hostile.test`,
      name: `Hostile ${role}`,
      role,
      password: PASSWORD,
    });
  await prisma.$disconnect();

  const app = await startBenchApp(root, { SENSE_EMBEDDED_WORKER: "1", SENSE_DEMO_MODEL_SERVER: "0" });
  const cookies = new Map<Role, string>();
  const headers = async (role: Role) => {
    if (!cookies.has(role)) {
      const res = await fetch(`${app.base}/api/auth/sign-in`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: app.base },
        body: JSON.stringify({ email: `${role}@hostile.test`, password: PASSWORD }),
      });
      if (!res.ok) throw new Error(`bench: sign-in as ${role} failed: ${res.status} ${await res.text()}`);
      cookies.set(role, (res.headers.get("set-cookie") ?? "").split(";")[0]!);
    }
    return { cookie: cookies.get(role)!, origin: app.base };
  };
  return {
    ctx: { base: app.base, dataDir, modelBase, headers },
    stop: () => {
      app.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
