// The two kinds of curated item, named once. A kind is spelled as its review queue ("sft", "pairs"),
// which addresses and API bodies carry; what each kind is called elsewhere (the audit log's item
// type, its table, an export manifest's kind, the words for people) is read from this table, so a
// third kind is a row here (and its rows in lib/items/item-rows.ts). Client-safe: no store access.

import { PAIR_ORIGINS, SFT_ORIGINS } from "@/lib/items/item-facets";

export const ITEM_KINDS = ["sft", "pairs"] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

type KindNames = {
  /** review_actions.item_type (stored: stays as first written) */
  auditType: "sft" | "pair";
  /** the prefix of its figures in the store's counters ("pair:accepted" in a job's counters) */
  counterPrefix: "sft" | "pair";
  /** the store table of its rows */
  table: "sft_samples" | "preference_pairs";
  /** an export manifest's `kind` (a file trainers' scripts read: stays as published) */
  manifestKind: "sft" | "preference";
  /** words for people: "No SFT sample with id …", "12 SFT samples", "12 pending samples", "in the SFT queue" */
  one: string;
  many: string;
  short: string;
  queueLabel: string;
  /** the origins its filter offers (lib/items/item-facets.ts defines them) */
  origins: readonly string[];
  /** the review statuses it can have ("discarded": a strong sample whose SQL never ran) */
  statuses: readonly ReviewStatus[];
};

export const REVIEW_STATUSES = ["pending", "accepted", "edited", "rejected", "discarded"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const KIND: Record<ItemKind, KindNames> = {
  sft: {
    auditType: "sft",
    counterPrefix: "sft",
    table: "sft_samples",
    manifestKind: "sft",
    one: "SFT sample",
    many: "SFT samples",
    short: "samples",
    queueLabel: "SFT",
    origins: SFT_ORIGINS,
    statuses: REVIEW_STATUSES,
  },
  pairs: {
    auditType: "pair",
    counterPrefix: "pair",
    table: "preference_pairs",
    manifestKind: "preference",
    one: "preference pair",
    many: "preference pairs",
    short: "pairs",
    queueLabel: "pairs",
    origins: PAIR_ORIGINS,
    statuses: ["pending", "accepted", "edited", "rejected"],
  },
};

/** The kind of an audit row's item_type ("sft", "pair"); null for a type no kind has. */
export function kindOfAuditType(type: string): ItemKind | null {
  return ITEM_KINDS.find((k) => KIND[k].auditType === type) ?? null;
}
