// Shared by bench:synth and bench:runner: a fresh temporary store for a benchmark over the Spider
// dev set, and the local model server in a process of its own answering after a fixed latency.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export const benchRoot = path.resolve(import.meta.dirname, "..");
export const spiderDir = path.resolve(benchRoot, "..", "shared", "data", "spider");

/** Points the store at a new temporary folder (call before importing lib/); exits when the Spider dev set is absent. */
export function makeTempSpiderStore(bench: string): string {
  if (!fs.existsSync(path.join(spiderDir, "dev.json"))) {
    console.error(`bench:${bench} needs the Spider dev set at ${spiderDir}; it is absent.`);
    process.exit(1);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sense-bench-${bench}-`));
  process.env.SENSE_DATA_DIR = dir;
  process.env.SENSE_PROJECT_ROOT = benchRoot;
  process.env.SENSE_SEED_DEMO = "0";
  return dir;
}

/** The local model server on a free port, answering after `latencyMs`; resolves once it listens. */
export async function startBenchModelServer(
  latencyMs: number,
): Promise<{ port: number; server: ChildProcess }> {
  const port = await new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port: free } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(free));
    });
  });
  const server = spawn(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      "lib/entries/model-server.ts",
      "--port",
      String(port),
      "--latency-ms",
      String(latencyMs),
    ],
    {
      cwd: benchRoot,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  await new Promise<void>((resolve) => server.stdout!.once("data", () => resolve()));
  return { port, server };
}
