// The e2e run's ports: the app's and its stand-in model server's, free ones picked when the run
// starts, so e2e runs of two checkouts on one machine never meet. Playwright evaluates its config in
// the runner and again in each worker: the first evaluation picks them and leaves them in the
// environment (SENSE_E2E_APP_PORT, SENSE_E2E_MODEL_PORT), which the workers inherit and read back.
// Set either variable to choose a port yourself.
import { execFileSync } from "node:child_process";

/** Two ports free now, distinct: both held at once by a throwaway process while the system picks them. */
function pickFreePorts(): [number, number] {
  const script = `const net = require("node:net");
const a = net.createServer().listen(0, "127.0.0.1", () => {
  const b = net.createServer().listen(0, "127.0.0.1", () => {
    process.stdout.write(a.address().port + " " + b.address().port);
    a.close();
    b.close();
  });
});`;
  const [app, model] = execFileSync(process.execPath, ["-e", script], { encoding: "utf8" })
    .split(" ")
    .map(Number);
  if (!app || !model) throw new Error("e2e: could not find free ports");
  return [app, model];
}

export function e2ePorts(): { app: number; model: number } {
  if (!process.env.SENSE_E2E_APP_PORT || !process.env.SENSE_E2E_MODEL_PORT) {
    const [app, model] = pickFreePorts();
    process.env.SENSE_E2E_APP_PORT ||= String(app);
    process.env.SENSE_E2E_MODEL_PORT ||= String(
      model === Number(process.env.SENSE_E2E_APP_PORT) ? app : model,
    );
  }
  return { app: Number(process.env.SENSE_E2E_APP_PORT), model: Number(process.env.SENSE_E2E_MODEL_PORT) };
}
