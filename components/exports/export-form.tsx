"use client";

import { CharacterCount } from "@/components/shell/character-count";
import { exportNameSchema } from "@/lib/export/export-names";
import { maxLengthOf } from "@/lib/util/text-limit";
import { useState, type FormEvent } from "react";
import { ExportPreviewView } from "@/components/exports/export-preview";
import { usePreviewExport, useStartExport } from "@/components/exports/export-queries";
import { ChoiceSelect } from "@/components/shell/choice-select";
import { buttonClass, cardClass, inputClass } from "@/components/shell/form-styles";
import { MutationFeedback } from "@/components/shell/mutation-feedback";
import { NumberField } from "@/components/shell/number-field";
import { itemDatabaseOptions, useItemDatabases } from "@/components/items/item-queries";
import { EXPORT_FORMAT_NAMES, EXPORT_FORMATS, type ExportFormatName } from "@/lib/export/export-formats";
import type { ExportRequestInput } from "@/lib/export/export-selection";
import { PROMPT_TEMPLATES, TEMPLATE_NAMES, type TemplateName } from "@/lib/export/prompt-templates";
import { ITEM_KINDS, KIND, type ItemKind } from "@/lib/items/item-kinds";
import { capitalized } from "@/lib/util/field-labels";

const STATUSES = ["accepted", "edited", "pending", "rejected"] as const;

/** Picks a format, a prompt template and the selection; previews the first records; starts the export. */
const EXPORT_NAME_MAX = maxLengthOf(exportNameSchema) ?? 80;

export function ExportForm() {
  const { data: databases } = useItemDatabases();
  const preview = usePreviewExport();
  const start = useStartExport();
  const [name, setName] = useState("");
  const [format, setFormat] = useState<ExportFormatName>("trl-dpo");
  const [template, setTemplate] = useState<TemplateName>("sense-style");
  const [sampleRows, setSampleRows] = useState("");
  const [includeEvidence, setIncludeEvidence] = useState(true);
  const [statuses, setStatuses] = useState<string[]>(["accepted", "edited"]);
  const [origin, setOrigin] = useState("");
  const [database, setDatabase] = useState("");
  const [difficulty, setDifficulty] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [dedup, setDedup] = useState(true);
  const [includeFlagged, setIncludeFlagged] = useState(false);
  const [validation, setValidation] = useState("0");
  const [seed, setSeed] = useState("42");
  const kind = EXPORT_FORMATS[format].kind;
  const input = (): ExportRequestInput => ({
    format,
    name: name || undefined,
    template,
    sampleRows: sampleRows === "" ? undefined : Number(sampleRows),
    includeEvidence,
    statuses: statuses as ExportRequestInput["statuses"],
    origin: origin || undefined,
    database: database || undefined,
    difficulty: difficulty || undefined,
    from: from || undefined,
    to: to || undefined,
    dedup,
    includeFlagged,
    validationFraction: Number(validation) || 0,
    seed: Number(seed) || 0,
  });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (preview.isError) preview.reset(); // the message shown is the last action's
    start.mutate(input());
  };
  const group = (k: ItemKind) => EXPORT_FORMAT_NAMES.filter((n) => EXPORT_FORMATS[n].kind === k);
  return (
    <form onSubmit={onSubmit} className={cardClass} aria-label="New export">
      <h2 className="font-medium">New export</h2>
      <div className="mt-3 flex flex-wrap items-end gap-3">
        <label className="flex flex-col text-xs text-slate-600">
          Name (optional)
          <input
            aria-label="Export name"
            value={name}
            maxLength={EXPORT_NAME_MAX}
            aria-describedby="export-name-count"
            placeholder="e.g. dpo city v2"
            onChange={(e) => setName(e.target.value)}
            className={`${inputClass} w-48`}
          />
          <CharacterCount id="export-name-count" value={name} max={EXPORT_NAME_MAX} />
        </label>
        <label className="flex min-w-0 max-w-full flex-col text-xs text-slate-600">
          Format
          <select
            aria-label="Format"
            value={format}
            onChange={(e) => setFormat(e.target.value as ExportFormatName)}
            className={inputClass}
          >
            {ITEM_KINDS.map((k) => (
              <optgroup key={k} label={capitalized(KIND[k].many)}>
                {group(k).map((n) => (
                  <option key={n} value={n}>
                    {n} — {EXPORT_FORMATS[n].label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-xs text-slate-600">
          Prompt template
          <select
            aria-label="Prompt template"
            value={template}
            onChange={(e) => setTemplate(e.target.value as TemplateName)}
            className={inputClass}
          >
            {TEMPLATE_NAMES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <NumberField
          label="Sample rows per table"
          value={sampleRows}
          onChange={setSampleRows}
          min={0}
          max={10}
          width="w-28"
        />
        <label className="flex items-center gap-1 text-xs text-slate-600">
          <input
            type="checkbox"
            checked={includeEvidence}
            onChange={(e) => setIncludeEvidence(e.target.checked)}
          />{" "}
          Evidence in the prompt
        </label>
      </div>
      <p className="mt-1 text-xs text-slate-500">
        {PROMPT_TEMPLATES[template].label}. Trainer: {EXPORT_FORMATS[format].trainer}.
      </p>
      <fieldset className="mt-3 flex flex-wrap items-end gap-3">
        <legend className="sr-only">Selection</legend>
        <div className="flex flex-col text-xs text-slate-600">
          Status
          <div className="flex gap-2">
            {STATUSES.map((s) => (
              <label key={s} className="flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={statuses.includes(s)}
                  onChange={(e) =>
                    setStatuses(e.target.checked ? [...statuses, s] : statuses.filter((x) => x !== s))
                  }
                />{" "}
                {s}
              </label>
            ))}
          </div>
        </div>
        <ChoiceSelect
          label="Origin"
          ariaLabel="Export origin"
          value={origin}
          options={[...KIND[kind].origins]}
          onChange={setOrigin}
        />
        <ChoiceSelect
          label="Database"
          ariaLabel="Export database"
          value={database}
          options={itemDatabaseOptions(databases)}
          onChange={setDatabase}
        />
        <ChoiceSelect
          label="Difficulty"
          ariaLabel="Export difficulty"
          value={difficulty}
          options={["easy", "medium", "hard", "extra"]}
          onChange={setDifficulty}
        />
        <label className="flex flex-col text-xs text-slate-600">
          From
          <input
            aria-label="From"
            type="date"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            className={inputClass}
          />
        </label>
        <label className="flex flex-col text-xs text-slate-600">
          To
          <input
            aria-label="To"
            type="date"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            className={inputClass}
          />
        </label>
        <label className="flex items-center gap-1 text-xs text-slate-600">
          <input type="checkbox" checked={dedup} onChange={(e) => setDedup(e.target.checked)} /> Drop
          duplicates
        </label>
        <label className="flex items-center gap-1 text-xs text-slate-600">
          <input
            type="checkbox"
            checked={includeFlagged}
            onChange={(e) => setIncludeFlagged(e.target.checked)}
          />{" "}
          Include flagged items (a coincidental match, a degenerate answer)
        </label>
        <NumberField
          label="Validation share of rows"
          value={validation}
          onChange={setValidation}
          min={0}
          max={0.5}
          step={0.05}
          width="w-28"
        />
        <NumberField label="Seed" value={seed} onChange={setSeed} min={0} />
      </fieldset>
      <div className="mt-3 flex gap-2">
        <button
          type="button"
          className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm"
          onClick={() => {
            start.reset();
            preview.mutate(input());
          }}
          disabled={preview.isPending}
        >
          Preview
        </button>
        <button type="submit" className={buttonClass} disabled={start.isPending}>
          Start export
        </button>
      </div>
      <MutationFeedback
        error={start.error ?? preview.error}
        success={start.data ? "Export started." : null}
      />
      {preview.data ? <ExportPreviewView preview={preview.data} /> : null}
    </form>
  );
}
