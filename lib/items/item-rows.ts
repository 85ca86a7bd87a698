import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ItemKind } from "@/lib/items/item-kinds";
import { pairSnapshot, sftSnapshot, type PairSnapshot, type SftSnapshot } from "@/lib/review/item-snapshot";

// The store operations every kind of item has, each kind's through its own Prisma model, so code
// over items (decide, undo, release, renew, exists) is one path that takes a kind. The ternaries
// over kinds end here; `itemRows[kind]` keeps each kind's types (a sample's changes are a sample's).

/** The conditions code over items filters by: the item, and whether someone holds it. */
export type ItemWhere = {
  id: string | { in: string[] };
  status?: string;
  leaseOwnerId?: string;
  leaseExpiresAt?: { gt: Date };
};

export type SnapshotOf = { sft: SftSnapshot; pairs: PairSnapshot };
export type ChangeOf = {
  sft: Prisma.SftSampleUncheckedUpdateManyInput;
  pairs: Prisma.PreferencePairUncheckedUpdateManyInput;
};

type Rows<K extends ItemKind> = {
  /** The first matching item's review state (what the audit log records), or null. */
  snapshot(db: Tx, where: ItemWhere): Promise<SnapshotOf[K] | null>;
  count(db: Tx, where: ItemWhere): Promise<number>;
  /** Changes every matching item; how many. */
  update(db: Tx, where: ItemWhere, data: ChangeOf[K]): Promise<number>;
};

export const itemRows: { [K in ItemKind]: Rows<K> } = {
  sft: {
    snapshot: async (db, where) => {
      const row = await db.sftSample.findFirst({ where });
      return row && sftSnapshot(row);
    },
    count: (db, where) => db.sftSample.count({ where }),
    update: async (db, where, data) => (await db.sftSample.updateMany({ where, data })).count,
  },
  pairs: {
    snapshot: async (db, where) => {
      const row = await db.preferencePair.findFirst({ where });
      return row && pairSnapshot(row);
    },
    count: (db, where) => db.preferencePair.count({ where }),
    update: async (db, where, data) => (await db.preferencePair.updateMany({ where, data })).count,
  },
};
