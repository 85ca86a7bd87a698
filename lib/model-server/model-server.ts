// A local OpenAI-compatible model server: a stand-in for a real model, for the offline demo and
// tests. Speaks /v1/models and /v1/chat/completions (streaming too); can inject faults.
import http from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { demoAnswer } from "@/lib/model-server/demo-responder";
import { faultFor, faultPlanSchema, type FaultPlan } from "@/lib/model-server/fault-plan";
import { standInModelList } from "@/lib/model-server/stand-in-identity";

const chatRequestSchema = z.object({
  model: z.string().min(1),
  messages: z.array(z.object({ role: z.string(), content: z.string() })).min(1),
  n: z.number().int().min(1).max(16).default(1),
  stream: z.boolean().default(false),
  seed: z.number().int().min(0).optional(),
});

export type ModelServer = {
  server: http.Server;
  stats: { chatRequests: number };
  setFaults: (plan: Partial<FaultPlan>) => void;
};

const tokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));

function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function openAiError(
  res: http.ServerResponse,
  status: number,
  message: string,
  type: string,
  headers: Record<string, string> = {},
) {
  sendJson(res, status, { error: { message, type, code: null, param: null } }, headers);
}

async function readBody(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8") || "null");
}

export function createModelServer(initial: Partial<FaultPlan> = {}): ModelServer {
  let plan = faultPlanSchema.parse(initial);
  const stats = { chatRequests: 0 };
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://local");
    if (req.method === "GET" && url.pathname === "/v1/models") {
      return sendJson(res, 200, standInModelList()); // also how our processes know it is ours (stand-in-identity.ts)
    }
    if (req.method !== "POST" || url.pathname !== "/v1/chat/completions")
      return openAiError(res, 404, `No route ${req.method} ${url.pathname}`, "not_found");
    let body: z.infer<typeof chatRequestSchema>;
    try {
      body = chatRequestSchema.parse(await readBody(req));
    } catch (error) {
      return openAiError(res, 400, `Invalid request: ${(error as Error).message}`, "invalid_request_error");
    }
    const n = ++stats.chatRequests;
    const fault = faultFor(plan, n);
    if (plan.latencyMs) await sleep(plan.latencyMs);
    if (fault === "429")
      return openAiError(res, 429, "Rate limit reached (injected).", "rate_limit_error", {
        "retry-after": String(plan.retryAfterSeconds),
      });
    if (fault === "500") return openAiError(res, 500, "Internal error (injected).", "server_error");
    if (fault === "hang") return; // never answers: the client's timeout must end it
    const contents = Array.from({ length: body.n }, (_, k) =>
      fault === "garbage"
        ? "\u0000%%% not a query %%%"
        : demoAnswer(body.model, body.messages, (body.seed ?? 0) + k),
    );
    const promptTokens = tokens(body.messages.map((m) => m.content).join("\n"));
    const completionTokens = contents.reduce((s, c) => s + tokens(c), 0);
    const id = `chatcmpl-local-${n}`;
    if (!body.stream) {
      return sendJson(res, 200, {
        id,
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: contents.map((content, index) => ({
          index,
          message: { role: "assistant", content },
          finish_reason: "stop",
          logprobs: null,
        })),
        usage: {
          prompt_tokens: promptTokens,
          completion_tokens: completionTokens,
          total_tokens: promptTokens + completionTokens,
        },
      });
    }
    res.writeHead(200, {
      "content-type": "text/event-stream",
      "cache-control": "no-cache",
      connection: "keep-alive",
    });
    const chunk = (index: number, delta: object, finish: string | null) =>
      res.write(
        `data: ${JSON.stringify({ id, object: "chat.completion.chunk", created: Math.floor(Date.now() / 1000), model: body.model, choices: [{ index, delta, finish_reason: finish }] })}\n\n`,
      );
    contents.forEach((content, index) => {
      chunk(index, { role: "assistant", content: "" }, null);
      for (const piece of content.match(/[\s\S]{1,16}/g) ?? []) chunk(index, { content: piece }, null);
      chunk(index, {}, "stop");
    });
    res.end("data: [DONE]\n\n");
  };
  // a request that fails in the middle ends its own connection, nothing else
  const server = http.createServer(
    (req, res) =>
      void handle(req, res).catch(() =>
        res.headersSent
          ? res.destroy()
          : openAiError(res, 500, "The stand-in model server failed on this request.", "server_error"),
      ),
  );
  return { server, stats, setFaults: (next) => (plan = faultPlanSchema.parse({ ...plan, ...next })) };
}
