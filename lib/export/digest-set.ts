// A set of 16-byte digests kept in one typed array (open addressing, linear probing), for an
// export's dedup keys: 32 bytes a key at most, outside the garbage-collected heap, where a Set of
// strings takes about 80 and makes the collector walk a million entries.

const WORDS = 4; // 16 bytes a key

type Key = [number, number, number, number];

function keyOf(digest: Uint8Array): Key {
  const view = new DataView(digest.buffer, digest.byteOffset, WORDS * 4);
  const key = [0, 1, 2, 3].map((i) => view.getUint32(i * 4, true)) as Key;
  if (!(key[0] | key[1] | key[2] | key[3])) key[3] = 1; // all zeros marks an empty slot: that one digest is folded onto another
  return key;
}

export class DigestSet {
  private slots: Uint32Array;
  private used = 0;

  constructor(capacity = 1 << 14) {
    this.slots = new Uint32Array(capacity * WORDS);
  }

  get size(): number {
    return this.used;
  }

  /** Adds the first 16 bytes of `digest`; false when they were there already. */
  add(digest: Uint8Array): boolean {
    if ((this.used + 1) * 2 > this.slots.length / WORDS) this.grow();
    return this.insert(this.slots, keyOf(digest));
  }

  /** Whether the first 16 bytes of `digest` are in the set. */
  has(digest: Uint8Array): boolean {
    const key = keyOf(digest);
    const mask = this.slots.length / WORDS - 1;
    for (let i = key[0] & mask; ; i = (i + 1) & mask) {
      const at = i * WORDS;
      const s = this.slots;
      if (!(s[at]! | s[at + 1]! | s[at + 2]! | s[at + 3]!)) return false;
      if (s[at] === key[0] && s[at + 1] === key[1] && s[at + 2] === key[2] && s[at + 3] === key[3])
        return true;
    }
  }

  private insert(slots: Uint32Array, key: Key): boolean {
    const mask = slots.length / WORDS - 1;
    for (let i = key[0] & mask; ; i = (i + 1) & mask) {
      const at = i * WORDS;
      if (!(slots[at]! | slots[at + 1]! | slots[at + 2]! | slots[at + 3]!)) {
        slots.set(key, at);
        if (slots === this.slots) this.used++;
        return true;
      }
      if (
        slots[at] === key[0] &&
        slots[at + 1] === key[1] &&
        slots[at + 2] === key[2] &&
        slots[at + 3] === key[3]
      )
        return false;
    }
  }

  private grow(): void {
    const old = this.slots;
    const next = new Uint32Array(old.length * 2);
    for (let at = 0; at < old.length; at += WORDS) {
      if (old[at]! | old[at + 1]! | old[at + 2]! | old[at + 3]!)
        this.insert(next, [old[at]!, old[at + 1]!, old[at + 2]!, old[at + 3]!]);
    }
    this.slots = next;
  }
}
