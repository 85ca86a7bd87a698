import "server-only";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Provider } from "@/lib/generated/prisma/client";
import { cappedHttpFetch, ReplyTimeoutError, ReplyTooLargeError } from "@/lib/llm/capped-http-fetch";
import { parseModelJson } from "@/lib/llm/text-spans";
import { demoProviderRefusal } from "@/lib/model-server/stand-in-identity";
import { providerApiKey } from "@/lib/providers/secret-box";
import { createProvider } from "@/lib/providers/providers";
import type { AuditActor } from "@/lib/audit/audit-events";
import type {
  ConnectionCheck,
  ConnectionVerdict,
  ProviderView,
  providerInputSchema,
} from "@/lib/providers/provider-schema";

// A provider's connection test: GET <base URL>/models with its key, answered in words. Run when a
// provider is added and on demand (the Test button, POST /api/providers/<id>/test).

const CHECK_TIMEOUT_MS = 10_000;
const CHECK_MAX_BYTES = 2 * 1024 * 1024;
const modelListSchema = z.object({ data: z.array(z.object({ id: z.string() })) });

const NETWORK_WORDS: Record<string, string> = {
  ECONNREFUSED: "the connection was refused (nothing listens there)",
  ENOTFOUND: "the host name is not known",
  EAI_AGAIN: "the host name could not be looked up",
  ECONNRESET: "the connection was reset",
  EHOSTUNREACH: "the host cannot be reached",
  CERT_HAS_EXPIRED: "its TLS certificate has expired",
};

/** Why a fetch failed, in words (the cause's code when Node gives one). */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return (cause?.code && NETWORK_WORDS[cause.code]) || cause?.message || (error as Error).message;
}

/** Tests one provider's endpoint; never throws for what the endpoint does. */
export async function testConnection(
  provider: Pick<Provider, "name" | "baseUrl" | "model" | "apiKey" | "timeoutMs"> & { managedBy?: string },
): Promise<ConnectionCheck> {
  const started = performance.now();
  const ms = Math.min(provider.timeoutMs, CHECK_TIMEOUT_MS);
  const done = (verdict: ConnectionVerdict, summary: string): ConnectionCheck => ({
    verdict,
    summary,
    latencyMs: Math.round(performance.now() - started),
  });
  // as for its jobs: a demo provider talks to our stand-in only, so the test says what a job would meet
  const refused = await demoProviderRefusal(provider);
  if (refused) return done("demo_refused", refused);
  const url = `${provider.baseUrl.replace(/\/+$/, "")}/models`;
  const key = providerApiKey(provider);
  let response: Response;
  let body: string;
  try {
    const fetchLimited = cappedHttpFetch({ maxBytes: CHECK_MAX_BYTES, timeoutMs: ms });
    response = await fetchLimited(url, {
      headers: key ? { authorization: `Bearer ${key}` } : {},
      signal: AbortSignal.timeout(ms),
    });
    body = await response.text();
  } catch (error) {
    if (error instanceof ReplyTimeoutError || (error as Error).name === "TimeoutError")
      return done("timeout", `No answer from ${url} within ${ms / 1000} s.`);
    if (error instanceof ReplyTooLargeError)
      return done("bad_response", `Reachable, but ${url} answered with more than 2 MiB: ${error.message}.`);
    return done("unreachable", `Not reachable: ${url}: ${networkReason(error)}.`);
  }
  const excerpt = body.slice(0, 200).replace(/\s+/g, " ");
  if (response.status === 401 || response.status === 403) {
    return done(
      "auth_refused",
      key
        ? `Reachable, but the API key was refused (HTTP ${response.status}): ${excerpt}`
        : `Reachable, but it asks for an API key (HTTP ${response.status}) and none is set.`,
    );
  }
  if (response.status === 404)
    return done(
      "no_model_list",
      `Reachable, but it does not list its models (HTTP 404 on ${url}), so whether "${provider.model}" exists is not known.`,
    );
  if (!response.ok)
    return done("http_error", `Reachable, but ${url} answered HTTP ${response.status}: ${excerpt}`);
  const json = parseModelJson(body);
  const list = json.ok ? modelListSchema.safeParse(json.value) : null;
  if (!list?.success)
    return done(
      "bad_response",
      `Reachable, but ${url} answered with something that is not a model list: ${excerpt}`,
    );
  const ids = list.data.data.map((m) => m.id);
  if (ids.includes(provider.model))
    return done(
      "ok",
      `Reachable: the model "${provider.model}" is listed (${ids.length} model${ids.length === 1 ? "" : "s"}).`,
    );
  const some = ids.slice(0, 5).join(", ");
  return done(
    "model_missing",
    `Reachable, but the model "${provider.model}" is not among the ${ids.length} it lists${some ? ` (${some}${ids.length > 5 ? ", …" : ""})` : ""}.`,
  );
}

/** The connection test of a stored provider. */
export async function testProviderConnection(id: string): Promise<ConnectionCheck> {
  const provider = await prisma.provider.findUnique({ where: { id } });
  if (!provider) throw notFound(`No provider with id "${id}".`);
  return testConnection(provider);
}

/** Adds a provider and tests its connection at once (the provider is kept whatever the test says). */
export async function addProvider(
  input: z.input<typeof providerInputSchema>,
  actor: AuditActor | null = null,
): Promise<{ provider: ProviderView; connection: ConnectionCheck }> {
  const provider = await createProvider(input, actor);
  return { provider, connection: await testProviderConnection(provider.id) };
}
