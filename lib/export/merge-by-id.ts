// Merges streams of pages, each in ascending id order, into pages in ascending id order. Each
// stream holds one page at a time, so memory is a page per stream. An id met twice (an item whose
// status changed between two streams' reads) is passed on once: the merged ids strictly increase.

type Head<T> = { page: T[]; at: number; source: AsyncIterator<T[]> };

/** Ids compare as SQLite's BINARY collation does for them (cuids and other ASCII ids). */
const before = (a: string, b: string) => a < b;

export async function* mergeById<T extends { id: string }>(
  sources: AsyncIterable<T[]>[],
  pageSize: number,
): AsyncGenerator<T[]> {
  const heads: Head<T>[] = [];
  const refill = async (source: AsyncIterator<T[]>): Promise<Head<T> | null> => {
    for (;;) {
      const next = await source.next();
      if (next.done) return null;
      if (next.value.length) return { page: next.value, at: 0, source };
    }
  };
  for (const s of sources) {
    const head = await refill(s[Symbol.asyncIterator]());
    if (head) heads.push(head);
  }
  let out: T[] = [];
  let last: string | null = null;
  while (heads.length) {
    let min = 0;
    for (let i = 1; i < heads.length; i++)
      if (before(heads[i]!.page[heads[i]!.at]!.id, heads[min]!.page[heads[min]!.at]!.id)) min = i;
    const head = heads[min]!;
    const item = head.page[head.at++]!;
    if (last === null || before(last, item.id)) {
      out.push(item);
      last = item.id;
    }
    if (head.at === head.page.length) {
      const next = await refill(head.source);
      if (next) heads[min] = next;
      else heads.splice(min, 1);
    }
    if (out.length === pageSize) {
      yield out;
      out = [];
    }
  }
  if (out.length) yield out;
}
