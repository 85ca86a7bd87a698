import "server-only";
import { env } from "@/lib/env";
import { createChatClient, type ChatAnswer, type ChatFailure } from "@/lib/llm/chat-client";
import { capStoredText } from "@/lib/llm/stored-text";
import { RequestLimiter } from "@/lib/llm/request-limiter";
import { demoProviderRefusal } from "@/lib/model-server/stand-in-identity";
import type { Provider } from "@/lib/generated/prisma/client";
import { estimateCostUsd } from "@/lib/providers/provider-schema";
import { providerApiKey } from "@/lib/providers/secret-box";

export type ChatMessage = { role: "system" | "user" | "assistant"; content: string };

/** One request as it is recorded in model_calls. */
export type ModelCallRecord = {
  status: "ok" | "unparsable" | ChatFailure["kind"];
  httpStatus: number | null;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  latencyMs: number;
  error: string | null;
};

type Entry = { version: number; client: ReturnType<typeof createChatClient>; limiter: RequestLimiter };
const globalForClients = globalThis as unknown as { senseProviderClients?: Map<string, Entry> };
const clients = (globalForClients.senseProviderClients ??= new Map());

/** The client and limiter of a provider, shared by everything this process runs (rebuilt when the provider changes). */
function entryFor(provider: Provider): Entry {
  const version = provider.updatedAt.getTime();
  const known = clients.get(provider.id);
  if (known && known.version === version) return known;
  const entry: Entry = {
    version,
    client: createChatClient({
      baseUrl: provider.baseUrl,
      model: provider.model,
      apiKey: providerApiKey(provider), // decrypted for the request only
      temperature: provider.temperature,
      maxTokens: provider.maxTokens,
      timeoutMs: provider.timeoutMs,
      maxResponseBytes: env.SENSE_MODEL_REPLY_MAX_MB * 1024 * 1024,
    }),
    limiter: new RequestLimiter({
      maxConcurrency: provider.maxConcurrency,
      requestsPerMin: provider.requestsPerMin,
      tokensPerMin: provider.tokensPerMin,
    }),
  };
  clients.set(provider.id, entry);
  return entry;
}

const estimateTokens = (messages: ChatMessage[], maxTokens: number) =>
  Math.ceil(messages.reduce((n, m) => n + m.content.length, 0) / 4) + maxTokens;

/**
 * One chat request to a provider within its limits (concurrency, requests and tokens per minute),
 * with the SDK's retries; returns the answer or failure and the record of the call.
 */
export async function callProvider(
  provider: Provider,
  messages: ChatMessage[],
  options: { n?: number; temperature?: number; seed?: number } = {},
): Promise<{ answer: ChatAnswer | ChatFailure; record: ModelCallRecord }> {
  // demo traffic goes to our stand-in only, never to another program that holds its port
  const refused = await demoProviderRefusal(provider);
  if (refused)
    return {
      answer: { kind: "network_error", status: null, message: refused, latencyMs: 0 },
      record: {
        status: "network_error",
        httpStatus: null,
        promptTokens: 0,
        completionTokens: 0,
        costUsd: 0,
        latencyMs: 0,
        error: refused,
      },
    };
  const { client, limiter } = entryFor(provider);
  const release = await limiter.acquire(estimateTokens(messages, provider.maxTokens));
  let answer: ChatAnswer | ChatFailure;
  try {
    answer = await client.chat(messages, options);
  } catch (error) {
    release(0);
    throw error;
  }
  if ("texts" in answer) {
    release(answer.promptTokens + answer.completionTokens);
    return {
      answer,
      record: {
        status: "ok",
        httpStatus: 200,
        promptTokens: answer.promptTokens,
        completionTokens: answer.completionTokens,
        costUsd: estimateCostUsd(provider, answer.promptTokens, answer.completionTokens),
        latencyMs: answer.latencyMs,
        error: null,
      },
    };
  }
  release(0);
  return {
    answer,
    record: {
      status: answer.kind,
      httpStatus: answer.status,
      promptTokens: 0,
      completionTokens: 0,
      costUsd: 0,
      latencyMs: answer.latencyMs,
      error: capStoredText(answer.message, 4_000),
    },
  };
}
