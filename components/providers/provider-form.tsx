"use client";

import { CharacterCount } from "@/components/shell/character-count";
import { maxLengthOf } from "@/lib/util/text-limit";
import { useState, type FormEvent } from "react";
import { useSaveProvider } from "@/components/providers/provider-queries";
import { buttonClass, inputClass } from "@/components/shell/form-styles";
import { MutationFeedback } from "@/components/shell/mutation-feedback";
import { describeZodError } from "@/lib/util/issue-sentences";
import {
  providerInputSchema,
  type ConnectionCheck,
  type ProviderView,
} from "@/lib/providers/provider-schema";

type Field = {
  key: string;
  label: string;
  type?: "number" | "password";
  width?: string;
  placeholder?: string;
};

const FIELDS: Field[] = [
  { key: "name", label: "Name", width: "w-36" },
  { key: "baseUrl", label: "Base URL", width: "w-72", placeholder: "https://api.openai.com/v1" },
  { key: "model", label: "Model", width: "w-44" },
  { key: "apiKey", label: "API key", type: "password", width: "w-44" },
  { key: "temperature", label: "Temperature", type: "number", width: "w-24" },
  { key: "maxTokens", label: "Max tokens", type: "number", width: "w-24" },
  { key: "maxConcurrency", label: "Concurrent requests", type: "number", width: "w-24" },
  { key: "requestsPerMin", label: "Requests / min", type: "number", width: "w-24" },
  { key: "tokensPerMin", label: "Tokens / min", type: "number", width: "w-28" },
  { key: "timeoutMs", label: "Timeout (ms)", type: "number", width: "w-24" },
  { key: "inputPricePerMTok", label: "$ / M input", type: "number", width: "w-24" },
  { key: "outputPricePerMTok", label: "$ / M output", type: "number", width: "w-24" },
];

const NAME_MAX = maxLengthOf(providerInputSchema.shape.name) ?? 64;

const NULLABLE = new Set(["requestsPerMin", "tokensPerMin", "inputPricePerMTok", "outputPricePerMTok"]);

function initialValues(p: ProviderView | null): Record<string, string> {
  const source: Record<string, unknown> = p ?? {
    temperature: 0,
    maxTokens: 1024,
    maxConcurrency: 4,
    timeoutMs: 60000,
  };
  return Object.fromEntries(
    FIELDS.map((f) => [
      f.key,
      f.key === "apiKey"
        ? ""
        : source[f.key] === null || source[f.key] === undefined
          ? ""
          : String(source[f.key]),
    ]),
  );
}

/** Adds or edits a provider; the form is checked with the same schema as the server. The key is write-only. */
export function ProviderForm({
  provider,
  onDone,
}: {
  provider: ProviderView | null;
  onDone: (saved?: { provider: ProviderView; connection?: ConnectionCheck }) => void;
}) {
  const save = useSaveProvider();
  const [values, setValues] = useState(() => initialValues(provider));
  const [problem, setProblem] = useState<string | null>(null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input: Record<string, unknown> = {};
    for (const f of FIELDS) {
      const raw = values[f.key]!.trim();
      if (f.key === "apiKey") {
        if (raw || !provider) input.apiKey = raw || undefined;
      } else if (f.type === "number")
        input[f.key] = raw === "" ? (NULLABLE.has(f.key) ? null : undefined) : Number(raw);
      else input[f.key] = raw;
    }
    const parsed = providerInputSchema.safeParse(input);
    if (!parsed.success) {
      setProblem(describeZodError(parsed.error, input));
      return;
    }
    setProblem(null);
    save.mutate({ id: provider?.id ?? null, input: parsed.data }, { onSuccess: (saved) => onDone(saved) });
  };
  return (
    <form
      onSubmit={onSubmit}
      aria-label={provider ? `Edit provider ${provider.name}` : "Add a provider"}
      className="mt-3 rounded-md border border-slate-200 bg-slate-50 p-3"
    >
      <div className="flex flex-wrap items-end gap-3">
        {FIELDS.map((f) => (
          <label key={f.key} className="flex flex-col text-xs text-slate-600">
            {f.label}
            <input
              aria-label={`Provider ${f.label.toLowerCase()}`}
              type={f.type === "password" ? "password" : "text"}
              inputMode={f.type === "number" ? "decimal" : undefined}
              autoComplete="off"
              value={values[f.key]}
              placeholder={f.key === "apiKey" && provider?.hasApiKey ? "unchanged" : f.placeholder}
              onChange={(e) => setValues({ ...values, [f.key]: e.target.value })}
              maxLength={
                f.type === "number"
                  ? undefined
                  : maxLengthOf(providerInputSchema.shape[f.key as keyof typeof providerInputSchema.shape])
              }
              className={`${inputClass} ${f.width ?? ""}`}
            />
            {f.key === "name" ? <CharacterCount value={values.name ?? ""} max={NAME_MAX} /> : null}
          </label>
        ))}
        <button type="submit" className={buttonClass} disabled={save.isPending}>
          {provider ? "Save provider" : "Add provider"}
        </button>
        <button type="button" className="text-sm text-slate-600 underline" onClick={() => onDone()}>
          Cancel
        </button>
      </div>
      {provider?.hasApiKey ? (
        <p className="mt-2 text-xs text-slate-500">
          The key is kept unless you enter a new one, or change the base URL (then enter it again).
        </p>
      ) : null}
      {problem ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {problem}
        </p>
      ) : (
        <MutationFeedback error={save.error} />
      )}
    </form>
  );
}
