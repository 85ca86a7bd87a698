import OpenAI from "openai";
import { z } from "zod";
import { readChatReply } from "@/lib/llm/chat-reply";
import { cappedHttpFetch, ReplyTimeoutError, ReplyTooLargeError } from "@/lib/llm/capped-http-fetch";

/** The most of a reply the client reads by default (SENSE_MODEL_REPLY_MAX_MB sets it for the app). */
export const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

/** A named OpenAI-compatible endpoint (OpenAI, vLLM, Ollama, Together, OpenRouter, the local server). */
export const providerConfigSchema = z.object({
  baseUrl: z.string().url("baseUrl must be a URL such as http://127.0.0.1:8787/v1"),
  model: z.string().min(1),
  apiKey: z.string().optional(),
  temperature: z.number().min(0).max(2).default(0),
  maxTokens: z.number().int().positive().default(1024),
  timeoutMs: z.number().int().positive().default(60_000),
  maxRetries: z.number().int().min(0).max(10).default(4),
  maxResponseBytes: z.number().int().positive().default(DEFAULT_MAX_RESPONSE_BYTES),
});

export type ProviderConfig = z.input<typeof providerConfigSchema>;
export type ChatAnswer = {
  texts: string[];
  promptTokens: number;
  completionTokens: number;
  latencyMs: number;
};
/**
 * A request that failed after the SDK's retries: an HTTP error, no answer in time (headers or the
 * whole body), no connection, a reply past the size cap (`too_large`), a body that is not JSON
 * (`unparsable`) or JSON that is no chat completion (`bad_response`; the message holds its start).
 */
export type ChatFailure = {
  kind: "http_error" | "timeout" | "network_error" | "too_large" | "unparsable" | "bad_response";
  status: number | null;
  message: string;
  latencyMs: number;
};

/**
 * Chat completions through the `openai` SDK. Retries (429, 5xx, network errors) use the SDK's
 * exponential backoff with jitter and honour Retry-After / retry-after-ms. Every body is read under
 * a byte cap and the request's time limit (lib/llm/capped-http-fetch.ts) and checked with zod; a request
 * that still fails comes back as a ChatFailure with its kind, never as a thrown error.
 */
export function createChatClient(input: ProviderConfig) {
  const config = providerConfigSchema.parse(input);
  const client = new OpenAI({
    baseURL: config.baseUrl,
    apiKey: config.apiKey || "not-needed",
    timeout: config.timeoutMs,
    maxRetries: config.maxRetries,
    fetch: cappedHttpFetch({ maxBytes: config.maxResponseBytes, timeoutMs: config.timeoutMs }),
  });
  return {
    config,
    async chat(
      messages: { role: "system" | "user" | "assistant"; content: string }[],
      options: { n?: number; temperature?: number; seed?: number } = {},
    ): Promise<ChatAnswer | ChatFailure> {
      const started = performance.now();
      const latencyMs = () => Math.round(performance.now() - started);
      let status: number | null = null;
      try {
        const response = await client.chat.completions
          .create({
            model: config.model,
            messages,
            n: options.n ?? 1,
            temperature: options.temperature ?? config.temperature,
            max_tokens: config.maxTokens,
            ...(options.seed === undefined ? {} : { seed: options.seed }),
          })
          .asResponse();
        status = response.status;
        const reply = readChatReply(await response.text());
        if (!reply.ok) return { kind: reply.kind, status, message: reply.message, latencyMs: latencyMs() };
        return {
          texts: reply.texts,
          promptTokens: reply.promptTokens,
          completionTokens: reply.completionTokens,
          latencyMs: latencyMs(),
        };
      } catch (error) {
        if (error instanceof ReplyTooLargeError)
          return { kind: "too_large", status, message: error.message, latencyMs: latencyMs() };
        if (error instanceof ReplyTimeoutError)
          return { kind: "timeout", status, message: error.message, latencyMs: latencyMs() };
        if (error instanceof OpenAI.APIConnectionTimeoutError)
          return { kind: "timeout", status: null, message: error.message, latencyMs: latencyMs() };
        if (error instanceof OpenAI.APIConnectionError)
          return { kind: "network_error", status: null, message: error.message, latencyMs: latencyMs() };
        if (error instanceof OpenAI.APIError)
          return {
            kind: "http_error",
            status: error.status ?? null,
            message: error.message,
            latencyMs: latencyMs(),
          };
        throw error;
      }
    },
  };
}
