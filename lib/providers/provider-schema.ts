import { z } from "zod";

// One schema for a model provider: the Providers form, the API, the CLI and SENSE_PROVIDERS.
const optionalPositiveInt = z.number().int().positive().max(100_000_000).nullable().optional();
const optionalPrice = z.number().min(0).max(10_000).nullable().optional();

export const providerInputSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "name is required")
    .max(64)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, "name may hold letters, digits, '_', '.' and '-'"),
  baseUrl: z.string().trim().url("baseUrl must be a URL such as http://127.0.0.1:8787/v1"),
  model: z.string().trim().min(1, "model is required").max(200),
  // write-only: never sent back; omitted = keep the stored key, "" = remove it
  apiKey: z.string().max(500).optional(),
  temperature: z.number().min(0).max(2).default(0),
  maxTokens: z.number().int().positive().max(1_000_000).default(1024),
  maxConcurrency: z.number().int().min(1).max(256).default(4),
  requestsPerMin: optionalPositiveInt,
  tokensPerMin: optionalPositiveInt,
  timeoutMs: z.number().int().min(100).max(600_000).default(60_000),
  inputPricePerMTok: optionalPrice,
  outputPricePerMTok: optionalPrice,
});

export type ProviderInput = z.input<typeof providerInputSchema>;
export type ProviderSettings = z.infer<typeof providerInputSchema>;

/** A provider as the dashboard sees it: everything but the key, which stays on the server. */
export type ProviderView = Omit<ProviderSettings, "apiKey"> & {
  id: string;
  hasApiKey: boolean;
  managedBy: string;
  requestsPerMin: number | null;
  tokensPerMin: number | null;
  inputPricePerMTok: number | null;
  outputPricePerMTok: number | null;
};

/** What a provider's connection test found (lib/providers/provider-connection.ts), in words in `summary`. */
/** `demo_refused`: a demo provider whose port another program holds: nothing is sent to it. */
export type ConnectionVerdict =
  | "ok"
  | "model_missing"
  | "no_model_list"
  | "auth_refused"
  | "timeout"
  | "unreachable"
  | "http_error"
  | "bad_response"
  | "demo_refused";
export type ConnectionCheck = { verdict: ConnectionVerdict; summary: string; latencyMs: number };

/** SENSE_PROVIDERS: a JSON array of providers; `apiKeyEnv` names another variable holding the key. */
export const envProvidersSchema = z.array(providerInputSchema.extend({ apiKeyEnv: z.string().optional() }));

/** Estimated cost in USD of a call's tokens under a provider's prices (0 when no price is set). */
export function estimateCostUsd(
  prices: { inputPricePerMTok: number | null; outputPricePerMTok: number | null },
  promptTokens: number,
  completionTokens: number,
): number {
  return (
    ((prices.inputPricePerMTok ?? 0) * promptTokens + (prices.outputPricePerMTok ?? 0) * completionTokens) /
    1_000_000
  );
}
