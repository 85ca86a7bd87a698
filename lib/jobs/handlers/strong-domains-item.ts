import "server-only";
import { enqueueJobItems, itemFailure, type ItemOutcome } from "@/lib/jobs/item-outcome";
import { buildDatabasePayloads, type StrongStepContext } from "@/lib/jobs/handlers/strong-context";
import { recordDomainProposal } from "@/lib/jobs/strong-plan-facts";
import { rawExcerpt, sampleModelTexts } from "@/lib/synthesis/model-text";
import { renderModelPrompt } from "@/lib/synthesis/prompt-files";
import { parseDomainList } from "@/lib/synthesis/strong/domain-list";

/** A strong job's first step when it was asked to propose domains: the model names them. */
export async function processProposeDomainsItem(
  payload: { count: number },
  ctx: StrongStepContext,
): Promise<ItemOutcome> {
  const known = new Set(ctx.config.domains.map((d) => d.toLowerCase()));
  const messages = renderModelPrompt(ctx.prompts["strong-domains"]!, {
    count: payload.count,
    existing: ctx.config.domains.join(", ") || "(none)",
  });
  const unparsable = (text: string) =>
    parseDomainList(text) ? null : "the answer holds no JSON array of domain names";
  const answer = await sampleModelTexts(ctx.provider, ctx.jobId, messages, 1, {
    temperature: ctx.config.temperature,
    unparsable,
  });
  if (!answer.ok) return itemFailure(answer.kind, answer.message, true);
  const text = answer.texts[0]!;
  const proposed = parseDomainList(text);
  if (!proposed)
    return itemFailure(
      "unparsable",
      `The answer holds no JSON array of domain names. The answer was: ${rawExcerpt(text)}`,
      true,
    );
  const fresh = [...new Map(proposed.map((d) => [d.toLowerCase(), d])).values()]
    .filter((d) => !known.has(d.toLowerCase()))
    .slice(0, payload.count);
  if (!fresh.length)
    return itemFailure(
      "unparsable",
      `The model proposed no new domain. The answer was: ${rawExcerpt(text)}`,
      true,
    );
  return {
    ok: true,
    write: async (tx) => {
      await enqueueJobItems(tx, ctx.jobId, "build-database", buildDatabasePayloads(ctx.config, fresh));
      await recordDomainProposal(tx, ctx.jobId, fresh.length); // the job's total is planned from here on
      return { domains: fresh };
    },
  };
}
