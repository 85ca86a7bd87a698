// An OpenAI-compatible endpoint that answers like a broken or hostile model, chosen by the model
// name of the request (tests and npm run bench:hostile): /v1/models and /v1/chat/completions.
//   braces    a completion whose text is 200,000 "{"
//   huge      a completion of 50 MB of text, streamed until the client hangs up
//   long      a completion of 1 MB that reads like bare SQL ("SELECT 1 -- xxx…")
//   garbage   HTTP 200 with a body that is not JSON
//   bad-shape HTTP 200 with JSON that is no chat completion
//   endless   HTTP 200 and a body that never ends (a byte now and then)
//   ok        ```sql SELECT 1```
// Under the path prefix /refuse every request gets 401 (a key refused); under /hang none is answered.
import http from "node:http";
import type { AddressInfo } from "node:net";

export const HOSTILE_MODELS = ["braces", "huge", "long", "garbage", "bad-shape", "endless", "ok"] as const;
export type HostileModel = (typeof HOSTILE_MODELS)[number];

export const HUGE_ANSWER_BYTES = 50 * 1024 * 1024;
export const BRACES_ANSWER_CHARS = 200_000;

export type HostileModelServer = {
  base: string;
  /** Chat requests received per model, and the bytes written of each answer before the client hung up. */
  stats: {
    requests: Record<string, number>;
    hungUp: Record<string, number>;
    bytesSent: Record<string, number>;
  };
  stop(): Promise<void>;
};

const completion = (model: string, content: string) =>
  JSON.stringify({
    id: "chatcmpl-hostile",
    object: "chat.completion",
    created: 0,
    model,
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
    usage: {
      prompt_tokens: 10,
      completion_tokens: Math.ceil(content.length / 4),
      total_tokens: 10 + Math.ceil(content.length / 4),
    },
  });

async function readModel(req: http.IncomingMessage): Promise<string> {
  let body = "";
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > 16 * 1024 * 1024) break;
  }
  try {
    return String((JSON.parse(body) as { model?: unknown }).model ?? "");
  } catch {
    return "";
  }
}

/** Writes `total` bytes of a completion's text, waiting for the socket to drain; stops when the client hangs up. */
async function streamHuge(
  res: http.ServerResponse,
  total: number,
  count: (n: number) => void,
): Promise<void> {
  const head = completion("huge", "@@").split('"@@"');
  res.writeHead(200, { "content-type": "application/json" });
  res.write(`${head[0]}"`);
  const piece = Buffer.alloc(1024 * 1024, "a");
  for (let sent = 0; sent < total && !res.destroyed; sent += piece.length) {
    count(piece.length);
    if (!res.write(piece)) {
      await new Promise<void>((resolve) => {
        const go = () => {
          res.off("drain", go);
          res.off("close", go);
          resolve();
        };
        res.on("drain", go);
        res.on("close", go);
      });
    }
  }
  if (!res.destroyed) res.end(`"${head[1]}`);
}

function answer(model: string, res: http.ServerResponse, stats: HostileModelServer["stats"]): void {
  const count = (n: number) => (stats.bytesSent[model] = (stats.bytesSent[model] ?? 0) + n);
  const json = (body: string) => {
    count(body.length);
    res.writeHead(200, { "content-type": "application/json" }).end(body);
  };
  switch (model) {
    case "braces":
      return json(completion(model, "{".repeat(BRACES_ANSWER_CHARS)));
    case "long":
      return json(completion(model, `SELECT 1 -- ${"x".repeat(1024 * 1024)}`));
    case "ok":
      return json(completion(model, "```sql\nSELECT 1\n```"));
    case "garbage":
      return json("<html><body>502 Bad Gateway {{{ not JSON</body></html>");
    case "bad-shape":
      return json(JSON.stringify({ result: "SELECT 1", choices: "none" }));
    case "huge":
      void streamHuge(res, HUGE_ANSWER_BYTES, count);
      return;
    case "endless": {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"id": "chatcmpl-endless", "choices": [');
      const timer = setInterval(() => (count(1), res.write(" ")), 50);
      res.on("close", () => clearInterval(timer));
      return;
    }
    default:
      res.writeHead(404, { "content-type": "application/json" }).end(
        JSON.stringify({
          error: { message: `The model "${model}" does not exist.`, type: "invalid_request_error" },
        }),
      );
  }
}

/** Starts the hostile endpoint on a free port of 127.0.0.1; `base` ends in /v1. */
export async function startHostileModelServer(): Promise<HostileModelServer> {
  const stats: HostileModelServer["stats"] = { requests: {}, hungUp: {}, bytesSent: {} };
  const open = new Set<http.ServerResponse>();
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    open.add(res);
    res.on("close", () => open.delete(res));
    const url = new URL(req.url ?? "/", "http://hostile");
    if (url.pathname.startsWith("/hang/")) return; // never answered
    if (url.pathname.startsWith("/refuse/")) {
      res.writeHead(401, { "content-type": "application/json" }).end(
        JSON.stringify({
          error: { message: "Incorrect API key provided.", type: "invalid_request_error" },
        }),
      );
      return;
    }
    if (req.method === "GET" && url.pathname === "/v1/models") {
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({
          object: "list",
          data: HOSTILE_MODELS.map((id) => ({ id, object: "model", owned_by: "hostile" })),
        }),
      );
      return;
    }
    if (req.method !== "POST" || url.pathname !== "/v1/chat/completions") {
      res.writeHead(404).end();
      return;
    }
    const model = await readModel(req);
    stats.requests[model] = (stats.requests[model] ?? 0) + 1;
    res.on("close", () => {
      if (!res.writableFinished) stats.hungUp[model] = (stats.hungUp[model] ?? 0) + 1;
    });
    answer(model, res, stats);
  };
  const server = http.createServer((req, res) => void handle(req, res).catch(() => res.destroy()));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}/v1`,
    stats,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
