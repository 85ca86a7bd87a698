import "server-only";
import path from "node:path";
import { prisma } from "@/lib/db";
import { registerDatabase } from "@/lib/databases/register-database";
import { isAppError } from "@/lib/errors";
import { enqueueJobItems, itemFailure, type ItemOutcome } from "@/lib/jobs/item-outcome";
import {
  synthesizedDatabaseName,
  writeQuestionsPayloads,
  type BuildDatabasePayload,
  type StrongStepContext,
} from "@/lib/jobs/handlers/strong-context";
import { rawExcerpt, sampleModelTexts } from "@/lib/synthesis/model-text";
import { renderModelPrompt } from "@/lib/synthesis/prompt-files";
import { parseDatabaseScript } from "@/lib/synthesis/strong/database-script";
import { planDifficulties } from "@/lib/synthesis/strong/difficulty-plan";
import { withBuildFolder } from "@/lib/synthesis/strong/build-folders";
import { materializeInChild } from "@/lib/synthesis/strong/materialize-in-child";

type Built = { ok: true; id: string; tables: number } | { ok: false; outcome: ItemOutcome };

/** Asks the model for the database, builds it as a SQLite file and registers it as a target database. */
async function buildDatabase(
  name: string,
  payload: BuildDatabasePayload,
  ctx: StrongStepContext,
): Promise<Built> {
  const messages = renderModelPrompt(ctx.prompts["strong-database"]!, { domain: payload.domain });
  const unparsable = (text: string) => {
    const script = parseDatabaseScript(text);
    return script.ok ? null : script.reason;
  };
  const answer = await sampleModelTexts(ctx.provider, ctx.jobId, messages, 1, {
    temperature: ctx.config.temperature,
    firstSeed: payload.index,
    unparsable,
  });
  if (!answer.ok) return { ok: false, outcome: itemFailure(answer.kind, answer.message, true) };
  const text = answer.texts[0]!;
  const script = parseDatabaseScript(text);
  if (!script.ok)
    return {
      ok: false,
      outcome: itemFailure(
        "unparsable",
        `The database answer for "${payload.domain}" cannot be used: ${script.reason}. The answer was: ${rawExcerpt(text)}`,
        true,
      ),
    };
  return withBuildFolder(async (dir): Promise<Built> => {
    const file = path.join(dir, `${name}.sqlite`);
    const built = await materializeInChild(file, script.statements);
    if (!built.ok)
      return {
        ok: false,
        outcome: itemFailure(
          "database_error",
          `The database for "${payload.domain}" did not build: ${built.error}`,
          true,
        ),
      };
    try {
      const db = await registerDatabase({
        name,
        sourceFile: file,
        source: "synthesized",
        jobId: ctx.jobId,
        pool: ctx.pool,
      });
      return { ok: true, id: db.id, tables: db.tableCount };
    } catch (error) {
      if (isAppError(error) && error.code === "invalid_input")
        return {
          ok: false,
          outcome: itemFailure(
            "database_error",
            `The database for "${payload.domain}" cannot be registered: ${error.message}`,
            true,
          ),
        };
      // another runner registered it first (it took this item over): use that one
      const existing =
        isAppError(error) && error.code === "conflict"
          ? await prisma.targetDatabase.findUnique({ where: { name } })
          : null;
      if (!existing) throw error;
      return { ok: true, id: existing.id, tables: existing.tableCount };
    }
  });
}

/**
 * A strong job's database step: the model writes a database for the domain (tables with keys, rows);
 * it is materialized and registered, and the question-writing steps for it are queued. A retried
 * item finds the database it built before and does not ask the model again.
 */
export async function processBuildDatabaseItem(
  payload: BuildDatabasePayload,
  ctx: StrongStepContext,
): Promise<ItemOutcome> {
  const name = synthesizedDatabaseName(ctx.jobId, payload.domain, payload.index);
  const existing = await prisma.targetDatabase.findUnique({ where: { name } });
  const built: Built = existing
    ? { ok: true, id: existing.id, tables: existing.tableCount }
    : await buildDatabase(name, payload, ctx);
  if (!built.ok) return built.outcome;
  const parts = writeQuestionsPayloads(
    built.id,
    planDifficulties(ctx.config.questionsPerDatabase, ctx.config.difficultyMix),
  );
  return {
    ok: true,
    write: async (tx) => {
      await enqueueJobItems(tx, ctx.jobId, "write-questions", parts);
      return { database: name, tables: built.tables, questionRequests: parts.length };
    },
  };
}
