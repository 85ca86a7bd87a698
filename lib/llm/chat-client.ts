import OpenAI from "openai";
import { z } from "zod";

/** A named OpenAI-compatible endpoint (OpenAI, vLLM, Ollama, Together, OpenRouter, the local server). */
export const providerConfigSchema = z.object({
  baseUrl: z.string().url("baseUrl must be a URL such as http://127.0.0.1:8787/v1"),
  model: z.string().min(1),
  apiKey: z.string().optional(),
  temperature: z.number().min(0).max(2).default(0),
  maxTokens: z.number().int().positive().default(1024),
  timeoutMs: z.number().int().positive().default(60_000),
  maxRetries: z.number().int().min(0).max(10).default(4),
});

export type ProviderConfig = z.input<typeof providerConfigSchema>;
export type ChatAnswer = { texts: string[]; promptTokens: number; completionTokens: number; latencyMs: number };
export type ChatFailure = { kind: "http_error" | "timeout" | "network_error"; status: number | null; message: string; latencyMs: number };

/**
 * Chat completions through the `openai` SDK. Retries (429, 5xx, network errors) use the SDK's
 * exponential backoff with jitter and honour Retry-After / retry-after-ms; a request that still
 * fails comes back as a ChatFailure with its kind, never as a thrown error.
 */
export function createChatClient(input: ProviderConfig) {
  const config = providerConfigSchema.parse(input);
  const client = new OpenAI({ baseURL: config.baseUrl, apiKey: config.apiKey || "not-needed", timeout: config.timeoutMs, maxRetries: config.maxRetries });
  return {
    config,
    async chat(messages: { role: "system" | "user" | "assistant"; content: string }[], options: { n?: number; temperature?: number; seed?: number } = {}): Promise<ChatAnswer | ChatFailure> {
      const started = performance.now();
      const latencyMs = () => Math.round(performance.now() - started);
      try {
        const response = await client.chat.completions.create({
          model: config.model,
          messages,
          n: options.n ?? 1,
          temperature: options.temperature ?? config.temperature,
          max_tokens: config.maxTokens,
          ...(options.seed === undefined ? {} : { seed: options.seed }),
        });
        return {
          texts: response.choices.map((c) => c.message.content ?? ""),
          promptTokens: response.usage?.prompt_tokens ?? 0,
          completionTokens: response.usage?.completion_tokens ?? 0,
          latencyMs: latencyMs(),
        };
      } catch (error) {
        if (error instanceof OpenAI.APIConnectionTimeoutError) return { kind: "timeout", status: null, message: error.message, latencyMs: latencyMs() };
        if (error instanceof OpenAI.APIConnectionError) return { kind: "network_error", status: null, message: error.message, latencyMs: latencyMs() };
        if (error instanceof OpenAI.APIError) return { kind: "http_error", status: error.status ?? null, message: error.message, latencyMs: latencyMs() };
        throw error;
      }
    },
  };
}
