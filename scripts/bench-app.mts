// Shared by the benchmarks that measure the app over HTTP: `next start` (building first when there
// is no build) on a free port, against the store the benchmark set up in process.env.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export async function startBenchApp(
  root: string,
  extraEnv: Record<string, string> = {},
): Promise<{ base: string; stop: () => void }> {
  if (!fs.existsSync(path.join(root, ".next", "BUILD_ID")))
    spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], { cwd: root, stdio: "inherit" });
  const port = await new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, "127.0.0.1", () => {
      const { port: free } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(free));
    });
  });
  const app = spawn(
    path.join(root, "node_modules", ".bin", "next"),
    ["start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: root,
      env: { ...process.env, SENSE_EMBEDDED_WORKER: "0", SENSE_DEMO_MODEL_SERVER: "0", ...extraEnv },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 200));
  }
  return { base, stop: () => app.kill() };
}

export const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
export const reportTimes = (label: string, xs: number[]) =>
  console.log(
    `${label.padEnd(44)} p50 ${percentile(xs, 0.5).toFixed(1)} ms  p95 ${percentile(xs, 0.95).toFixed(1)} ms  (n=${xs.length})`,
  );
