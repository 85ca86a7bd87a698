import { parseArgs } from "node:util";
import { UsageError } from "@/lib/cli/usage-error";
import { secretFromEnv } from "@/lib/env";
import { addProvider } from "@/lib/providers/provider-connection";
import { providerInputSchema } from "@/lib/providers/provider-schema";
import { listProviders, syncProviders } from "@/lib/providers/providers";
import { migrateStore } from "@/lib/store/prepare-store";
import { requireCliUser } from "@/lib/cli/cli-user";

const text = { type: "string" } as const;
const NUMBER_FLAGS = {
  temperature: "temperature",
  "max-tokens": "maxTokens",
  "max-concurrency": "maxConcurrency",
  rpm: "requestsPerMin",
  tpm: "tokensPerMin",
  "timeout-ms": "timeoutMs",
  "input-price": "inputPricePerMTok",
  "output-price": "outputPricePerMTok",
} as const;

/** `sense provider list` and `sense provider add --name N --base-url U --model M [--api-key-env VAR] …`. */
export async function runProviderCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      name: text,
      "base-url": text,
      model: text,
      "api-key-env": text,
      ...Object.fromEntries(Object.keys(NUMBER_FLAGS).map((f) => [f, text])),
    },
  });
  const [sub, ...extra] = positionals;
  if (extra.length || (sub !== "list" && sub !== "add"))
    throw new UsageError(
      "usage: sense provider list | sense provider add --name N --base-url URL --model M [--api-key-env VAR] [--max-concurrency N] …",
    );
  migrateStore();
  const actor = await requireCliUser(sub === "list" ? "providers.read" : "providers.manage");
  await syncProviders();
  if (sub === "list") {
    for (const p of await listProviders()) {
      console.log(
        `${p.name.padEnd(24)} ${p.model.padEnd(28)} ${p.baseUrl.padEnd(36)} ${`key:${p.hasApiKey ? "set" : "none"}`.padEnd(9)} concurrency ${p.maxConcurrency}  (${p.managedBy})`,
      );
    }
    return 0;
  }
  const v = values as Record<string, string | undefined>;
  const keyVar = v["api-key-env"];
  // the key is read from a variable, so it never stands in a shell history or a process list
  const apiKey = keyVar ? secretFromEnv(keyVar) : undefined;
  if (keyVar && !apiKey) throw new UsageError(`--api-key-env ${keyVar}: that variable is not set`);
  const numbers = Object.fromEntries(
    Object.entries(NUMBER_FLAGS).flatMap(([flag, field]) => {
      const raw = v[flag];
      if (raw === undefined) return [];
      if (!Number.isFinite(Number(raw))) throw new UsageError(`--${flag} must be a number`);
      return [[field, Number(raw)]];
    }),
  );
  const { provider, connection } = await addProvider(
    providerInputSchema.parse({ name: v.name, baseUrl: v["base-url"], model: v.model, apiKey, ...numbers }),
    actor,
  );
  console.log(
    `Added provider ${provider.name}: ${provider.model} at ${provider.baseUrl}${provider.hasApiKey ? " (key set)" : ""}.`,
  );
  console.log(`Connection test: ${connection.summary}`);
  return 0;
}
