import "server-only";
import type { z } from "zod";
import { prisma } from "@/lib/db";
import { env, secretFromEnv } from "@/lib/env";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import type { Provider } from "@/lib/generated/prisma/client";
import { envProvidersSchema, providerInputSchema, type ProviderView } from "@/lib/providers/provider-schema";
import { recordAuditEvent, type AuditActor } from "@/lib/audit/audit-events";
import { describeZodError } from "@/lib/util/issue-sentences";
import { isSealed, sealSecret } from "@/lib/providers/secret-box";

export const DEMO_STRONG_PROVIDER = "demo-strong";
export const DEMO_WEAK_PROVIDER = "demo-weak";

/** What the dashboard may see of a provider: never the key. */
export function toProviderView(p: Provider): ProviderView {
  const { apiKey, createdAt: _c, updatedAt: _u, ...rest } = p;
  return { ...rest, hasApiKey: Boolean(apiKey) };
}

export async function listProviders(): Promise<ProviderView[]> {
  return (await prisma.provider.findMany({ orderBy: { name: "asc" } })).map(toProviderView);
}

export async function findProviderByName(name: string): Promise<Provider> {
  const provider = await prisma.provider.findUnique({ where: { name } });
  if (!provider)
    throw notFound(
      `No provider named "${name}". Known: ${(await prisma.provider.findMany({ select: { name: true } })).map((p) => p.name).join(", ") || "none"}.`,
    );
  return provider;
}

export async function createProvider(
  input: z.input<typeof providerInputSchema>,
  actor: AuditActor | null = null,
): Promise<ProviderView> {
  const data = providerInputSchema.parse(input);
  if (await prisma.provider.findUnique({ where: { name: data.name } }))
    throw conflict(`A provider named "${data.name}" exists already.`);
  const provider = await prisma.provider.create({
    data: { ...data, apiKey: data.apiKey ? sealSecret(data.apiKey) : null, managedBy: "ui" },
  });
  await recordAuditEvent(actor, {
    action: "provider.create",
    targetType: "provider",
    targetId: provider.id,
    detail: { name: data.name, baseUrl: data.baseUrl, model: data.model },
  });
  return toProviderView(provider);
}

/**
 * What an update does to the stored key, and what the audit says of it. A key is never sent to a
 * host it was not given for: moving the base URL drops it unless a key comes along.
 */
function keyChange(
  stored: string | null,
  given: string | undefined,
  baseUrlChanged: boolean,
): { data: { apiKey?: string | null }; audit: string } {
  if (given !== undefined)
    return {
      data: { apiKey: given ? sealSecret(given) : null },
      audit: given ? "replaced" : stored ? "removed" : "none",
    };
  if (!stored) return { data: {}, audit: "none" };
  return baseUrlChanged
    ? { data: { apiKey: null }, audit: "dropped (the base URL changed)" }
    : { data: {}, audit: "kept" };
}

/** Updates a provider made in the dashboard; an omitted apiKey keeps the stored one, "" removes it. */
export async function updateProvider(
  id: string,
  input: z.input<typeof providerInputSchema>,
  actor: AuditActor | null = null,
): Promise<ProviderView> {
  const existing = await prisma.provider.findUnique({ where: { id } });
  if (!existing) throw notFound(`No provider with id "${id}".`);
  if (existing.managedBy === "env")
    throw conflict(`"${existing.name}" comes from SENSE_PROVIDERS; change it there.`);
  const { apiKey, ...data } = providerInputSchema.parse(input);
  if (data.name !== existing.name && (await prisma.provider.findUnique({ where: { name: data.name } }))) {
    throw conflict(`A provider named "${data.name}" exists already.`);
  }
  const key = keyChange(existing.apiKey, apiKey, data.baseUrl !== existing.baseUrl);
  const provider = await prisma.provider.update({
    where: { id },
    data: { ...data, ...key.data, managedBy: "ui" },
  });
  await recordAuditEvent(actor, {
    action: "provider.update",
    targetType: "provider",
    targetId: id,
    detail: { name: data.name, baseUrl: data.baseUrl, model: data.model, apiKey: key.audit },
  });
  return toProviderView(provider);
}

export async function deleteProvider(id: string, actor: AuditActor | null = null): Promise<void> {
  const existing = await prisma.provider.findUnique({
    where: { id },
    include: { _count: { select: { jobs: true } } },
  });
  if (!existing) throw notFound(`No provider with id "${id}".`);
  if (existing.managedBy === "env")
    throw conflict(`"${existing.name}" comes from SENSE_PROVIDERS; remove it there.`);
  if (existing._count.jobs)
    throw conflict(`"${existing.name}" is used by ${existing._count.jobs} job(s) and cannot be deleted.`);
  await prisma.provider.delete({ where: { id } });
  await recordAuditEvent(actor, {
    action: "provider.delete",
    targetType: "provider",
    targetId: id,
    detail: { name: existing.name },
  });
}

/** The providers SENSE_PROVIDERS declares, with keys resolved (`apiKeyEnv` names the variable holding one). */
export function readEnvProviders(
  text: string | undefined,
  secret: (name: string) => string | undefined = secretFromEnv,
) {
  if (!text) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw invalidInput(`SENSE_PROVIDERS is not valid JSON: ${(error as Error).message}`);
  }
  const result = envProvidersSchema.safeParse(parsed);
  if (!result.success) {
    throw invalidInput(`SENSE_PROVIDERS: ${describeZodError(result.error, parsed)}`);
  }
  return result.data.map(({ apiKeyEnv, apiKey, ...data }) => ({
    ...data,
    apiKey: (apiKeyEnv ? secret(apiKeyEnv) : apiKey) || null,
  }));
}

/** Keys stored in plain text before they were encrypted are encrypted (their old text is overwritten, not left in free space). */
async function sealPlainProviderKeys(): Promise<void> {
  const plain = (
    await prisma.provider.findMany({ where: { apiKey: { not: null } }, select: { id: true, apiKey: true } })
  ).filter((p) => !isSealed(p.apiKey!));
  if (!plain.length) return;
  await prisma.$transaction(async (tx) => {
    const [before] = await tx.$queryRawUnsafe<{ secure_delete: number | bigint }[]>("PRAGMA secure_delete");
    await tx.$executeRawUnsafe("PRAGMA secure_delete = ON");
    for (const p of plain)
      await tx.$executeRaw`UPDATE providers SET api_key = ${sealSecret(p.apiKey!)} WHERE id = ${p.id}`;
    await tx.$executeRawUnsafe(`PRAGMA secure_delete = ${Number(before?.secure_delete ?? 0)}`);
  });
}

/**
 * On start: the providers of SENSE_PROVIDERS are written as given (managed by the environment), and
 * the local stand-in model server gets its two providers (kept pointing at SENSE_DEMO_MODEL_PORT
 * until someone edits them).
 */
export async function syncProviders(): Promise<void> {
  for (const { apiKey, ...data } of readEnvProviders(env.SENSE_PROVIDERS)) {
    const row = { ...data, apiKey: apiKey ? sealSecret(apiKey) : null, managedBy: "env" };
    await prisma.provider.upsert({ where: { name: data.name }, create: row, update: row });
  }
  await sealPlainProviderKeys();
  const baseUrl = `http://127.0.0.1:${env.SENSE_DEMO_MODEL_PORT}/v1`;
  for (const [name, model, temperature] of [
    [DEMO_STRONG_PROVIDER, "sense-demo-strong", 0],
    [DEMO_WEAK_PROVIDER, "sense-demo-weak", 0.8],
  ] as const) {
    const existing = await prisma.provider.findUnique({ where: { name } });
    if (!existing)
      await prisma.provider.create({
        data: { name, baseUrl, model, temperature, maxConcurrency: 16, managedBy: "demo" },
      });
    else if (existing.managedBy === "demo" && existing.baseUrl !== baseUrl)
      await prisma.provider.update({ where: { name }, data: { baseUrl } });
  }
}
