// Finding 8: five 100 MB JSON bodies to the public sign-in route at once, streamed (chunked, no
// Content-Length) and made on the fly. The server must stop each at its limit and answer 413,
// not parse 100 MB five times.
import http from "node:http";
import type { HostileCase } from "../hostile-case.mjs";

const TOTAL = 100 * 1024 * 1024;
const PARALLEL = 5;

type Outcome = { status: number | string; message: string; sentBytes: number; ms: number };

/** Streams one oversize body; stops writing as soon as the server answers (or drops the connection). */
function streamSignIn(base: string): Promise<Outcome> {
  const url = new URL("/api/auth/sign-in", base);
  const started = Date.now();
  return new Promise((resolve) => {
    let sent = 0;
    let finished = false;
    const finish = (outcome: Omit<Outcome, "sentBytes" | "ms">) => {
      if (finished) return;
      finished = true;
      request.destroy();
      resolve({ ...outcome, sentBytes: sent, ms: Date.now() - started });
    };
    const request = http.request(url, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
    });
    request.on("response", (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (d: string) => (text += d));
      response.on("end", () => {
        let message = text.slice(0, 120);
        try {
          message = (JSON.parse(text) as { message?: string }).message ?? message;
        } catch {
          // not JSON: keep the text
        }
        finish({ status: response.statusCode ?? 0, message });
      });
    });
    request.on("error", (error: NodeJS.ErrnoException) =>
      finish({ status: error.code ?? "error", message: error.message }),
    );
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    request.write('{"email":"someone@hostile.test","password":"');
    const pump = () => {
      while (!finished && sent < TOTAL) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (!finished) request.end('"}');
    };
    pump();
  });
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export const hostileCase: HostileCase = {
  name: "5 × 100 MB sign-in bodies, streamed",
  finding: "8",
  async run(ctx) {
    const outcomes = await Promise.all(Array.from({ length: PARALLEL }, () => streamSignIn(ctx.base)));
    const statuses = [...new Set(outcomes.map((o) => String(o.status)))].join("/");
    const sent = outcomes.map((o) => o.sentBytes);
    const ms = outcomes.map((o) => o.ms);
    return `${PARALLEL} × ${statuses} (${outcomes[0]!.message}) after ${mb(Math.min(...sent))}–${mb(Math.max(...sent))} MB of ${mb(TOTAL)} MB sent, in ${Math.min(...ms)}–${Math.max(...ms)} ms`;
  },
};
