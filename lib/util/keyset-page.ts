// Keyset paging by id: a page is "the next pageSize rows after (or before) this id", served by an
// index that ends in id, so it costs the same at the start of a table and a million rows in.

export type KeysetRequest = { after?: string; before?: string; pageSize: number };

export type KeysetPage<T> = { items: T[]; nextCursor: string | null; prevCursor: string | null };

/** The order, id range and row count to ask the store for (one row more than a page, to know if there is more). */
export function keysetQuery(r: KeysetRequest) {
  const backwards = !!r.before && !r.after;
  const cursor = backwards ? r.before : r.after;
  const range: { gt?: string; lt?: string } = cursor ? (backwards ? { lt: cursor } : { gt: cursor }) : {};
  return {
    backwards,
    cursor,
    range,
    orderBy: { id: backwards ? ("desc" as const) : ("asc" as const) },
    take: r.pageSize + 1,
  };
}

/**
 * The page from the rows the store gave for `keysetQuery(r)`, in ascending id order, with the
 * cursors of the pages around it. `stoppedAt`: the scan was cut at this id (a bounded search), so
 * "further" goes on from there even when the page is not full.
 */
export function keysetPage<T extends { id: string }>(
  r: KeysetRequest,
  rows: T[],
  stoppedAt?: string,
): KeysetPage<T> {
  const { backwards, cursor } = keysetQuery(r);
  const more = rows.length > r.pageSize;
  const items = rows.slice(0, r.pageSize);
  if (backwards) items.reverse();
  const further = more ? (backwards ? items[0]!.id : items.at(-1)!.id) : (stoppedAt ?? null);
  const first = items[0]?.id ?? cursor ?? null;
  const last = items.at(-1)?.id ?? cursor ?? null;
  return {
    items,
    nextCursor: backwards ? last : further,
    prevCursor: backwards ? further : cursor ? first : null,
  };
}
