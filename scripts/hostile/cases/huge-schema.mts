// Finding 2: registering a database of 2000 tables × 201 columns (before: accepted, and its schema
// page was 391 MB of HTML in 81 s), then one at the caps (500 × 200), whose page and API are viewed.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { HostileCase } from "../hostile-case.mts";

/** Writes the file on a worker thread: making 2000 × 201 tables takes seconds, and this process is the bench's own. */
function writeSchema(file: string, tables: number, columns: number): Promise<void> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.rmSync(file, { force: true });
  const code = `
    const { workerData } = require("node:worker_threads");
    const Database = require(workerData.driver);
    const db = new Database(workerData.file);
    const create = (t) => "CREATE TABLE t" + t + " (" + Array.from({ length: workerData.columns }, (_, c) => "c" + c + " TEXT").join(", ") + "); INSERT INTO t" + t + " (c0) VALUES ('row');";
    db.exec("BEGIN; " + Array.from({ length: workerData.tables }, (_, t) => create(t)).join("\\n") + " COMMIT;");
    db.close();`;
  const worker = new Worker(code, {
    eval: true,
    workerData: { driver: createRequire(import.meta.url).resolve("better-sqlite3"), file, tables, columns },
  });
  return new Promise((resolve, reject) => {
    worker.once("error", reject);
    worker.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`writing ${file} failed (exit ${code})`)),
    );
  });
}

async function register(ctx: Parameters<HostileCase["run"]>[0], file: string, name: string): Promise<string> {
  const started = performance.now();
  const response = await fetch(`${ctx.base}/api/databases/from-path`, {
    method: "POST",
    headers: { ...(await ctx.headers("admin")), "content-type": "application/json" },
    body: JSON.stringify({ path: file, name }),
  });
  const body = (await response.json()) as { message?: string };
  return `register ${name}: ${response.status}${body.message ? ` "${body.message}"` : ""} in ${Math.round(performance.now() - started)} ms`;
}

export const hostileCase: HostileCase = {
  name: "huge schema",
  finding: "2",
  async run(ctx) {
    const suffix = process.pid;
    const huge = path.join(ctx.dataDir, "imports", `huge_${suffix}.sqlite`);
    await writeSchema(huge, 2000, 201);
    const atCaps = path.join(ctx.dataDir, "imports", `at_caps_${suffix}.sqlite`);
    await writeSchema(atCaps, 500, 200);
    const lines = [
      await register(ctx, huge, `huge_${suffix}`),
      await register(ctx, atCaps, `at_caps_${suffix}`),
    ];
    const annotator = await ctx.headers("annotator");
    for (const url of [
      `/api/databases/at_caps_${suffix}`,
      `/api/databases/at_caps_${suffix}?page=20`,
      `/databases/at_caps_${suffix}`,
      `/databases/at_caps_${suffix}?page=20`,
    ]) {
      const started = performance.now();
      const response = await fetch(`${ctx.base}${url}`, { headers: annotator });
      const bytes = (await response.arrayBuffer()).byteLength;
      lines.push(
        `GET ${url}: ${response.status}, ${Math.round(bytes / 1024)} KB in ${Math.round(performance.now() - started)} ms`,
      );
    }
    return lines.join("; ");
  },
};
