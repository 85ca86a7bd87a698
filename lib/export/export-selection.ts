import { z } from "zod";
import { EXPORT_FORMAT_NAMES, formatOf, type ExportFormatName } from "@/lib/export/export-formats";
import { exportNameSchema } from "@/lib/export/export-names";
import { templateOptionsSchema } from "@/lib/export/prompt-templates";
import { ITEM_DIFFICULTIES } from "@/lib/items/item-facets";
import { KIND } from "@/lib/items/item-kinds";
import { filterChoice, filterText } from "@/lib/util/filter-text";

// What an export takes: one schema for the Exports form, the API and `sense export`.

const isoDate = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || !Number.isNaN(Date.parse(v)), "use a date such as 2026-11-30");

export const exportRequestSchema = z
  .object({
    format: z.enum(EXPORT_FORMAT_NAMES as [ExportFormatName, ...ExportFormatName[]]),
    name: exportNameSchema, // the researcher's name for it (lists, manifest, file names)
    statuses: z
      .array(z.enum(["accepted", "edited", "pending", "rejected"]))
      .min(1)
      .default(["accepted", "edited"]),
    origin: filterText, // lib/items/item-facets.ts: strong | imported | manual (SFT); weak | mutation | imported (pairs)
    job: filterText,
    database: filterText,
    difficulty: filterChoice(ITEM_DIFFICULTIES),
    from: isoDate, // reviewed (or created) on or after
    to: isoDate, // … and before the end of this day
    dedup: z.boolean().default(true),
    // items the label checks flagged (lib/sql/label-checks/: a coincidental match as the chosen side,
    // a degenerate answer) are left out unless asked for; the manifest counts them per flag
    includeFlagged: z.boolean().default(false),
    validationFraction: z.number().min(0).max(0.5).default(0), // share of rows held out, whole schemas at a time
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31)
      .default(42),
  })
  .extend(templateOptionsSchema.shape)
  .superRefine((r, ctx) => {
    const kind = formatOf(r.format).kind;
    const sft = kind === "sft";
    const origins = KIND[kind].origins;
    if (r.origin && !origins.includes(r.origin)) {
      ctx.addIssue({
        code: "custom",
        path: ["origin"],
        message: `origin must be one of: ${origins.join(", ")} for ${sft ? "an SFT" : "a preference"} format (not “${r.origin.slice(0, 40)}”)`,
      });
    }
    if (r.from && r.to && Date.parse(r.from) > Date.parse(r.to)) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `From (${r.from}) is after To (${r.to}): no item can fall in that range; swap the two dates.`,
      });
    }
  });

export type ExportRequest = z.infer<typeof exportRequestSchema>;
export type ExportRequestInput = z.input<typeof exportRequestSchema>;
