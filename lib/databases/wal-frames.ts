import "server-only";
import fs from "node:fs/promises";

// Reads the committed pages of a SQLite write-ahead log (the `-wal` file beside a WAL-mode
// database), as laid out in https://www.sqlite.org/fileformat.html#the_write_ahead_log: a 32-byte
// header, then frames of a 24-byte header and one page. A frame is valid while its salts match
// the header's and its cumulative checksum holds; the log's content is what the last valid
// commit frame (one that records the database size) covers. Nothing here opens the database.

const WAL_HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;
const MAGIC_LITTLE_ENDIAN = 0x377f0682;
const MAGIC_BIG_ENDIAN = 0x377f0683;
const FRAMES_PER_READ = 256;

/** Where the last committed copy of each page lies in the log (its byte offset), and the size after the last commit. */
export type WalPage = { pageNumber: number; offset: number };
export type CommittedWal = { pageSize: number; databasePages: number; pages: WalPage[] } | null;

/** Adds the checksum of `data` (a multiple of 8 bytes) to the running pair [s0, s1]. */
function checksum(data: Buffer, bigEndian: boolean, seed: [number, number]): [number, number] {
  let [s0, s1] = seed;
  for (let i = 0; i < data.length; i += 8) {
    const x0 = bigEndian ? data.readUInt32BE(i) : data.readUInt32LE(i);
    const x1 = bigEndian ? data.readUInt32BE(i + 4) : data.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

/**
 * The pages the log's committed transactions wrote (the last copy of each page wins), or null when
 * the log is empty or holds no committed frame. Read in batches; only page numbers and offsets are
 * kept, so a large log does not fill memory.
 */
export async function readCommittedWal(walFile: string): Promise<CommittedWal> {
  const handle = await fs.open(walFile, "r");
  try {
    const header = Buffer.alloc(WAL_HEADER_BYTES);
    if ((await handle.read(header, 0, WAL_HEADER_BYTES, 0)).bytesRead < WAL_HEADER_BYTES) return null;
    const magic = header.readUInt32BE(0);
    if (magic !== MAGIC_LITTLE_ENDIAN && magic !== MAGIC_BIG_ENDIAN) return null;
    const bigEndian = magic === MAGIC_BIG_ENDIAN;
    const pageSize = header.readUInt32BE(8) === 1 ? 65_536 : header.readUInt32BE(8);
    if (pageSize < 512 || pageSize > 65_536 || (pageSize & (pageSize - 1)) !== 0) return null;
    let sum = checksum(header.subarray(0, 24), bigEndian, [0, 0]);
    if (sum[0] !== header.readUInt32BE(24) || sum[1] !== header.readUInt32BE(28)) return null;
    const salts = header.subarray(16, 24);

    const frameBytes = FRAME_HEADER_BYTES + pageSize;
    const batch = Buffer.alloc(frameBytes * FRAMES_PER_READ);
    const pending = new Map<number, number>(); // pages of the transaction not yet committed
    const committed = new Map<number, number>();
    let databasePages = 0;
    for (let offset = WAL_HEADER_BYTES; ;) {
      const { bytesRead } = await handle.read(batch, 0, batch.length, offset);
      const frames = Math.floor(bytesRead / frameBytes);
      for (let f = 0; f < frames; f++) {
        const frame = batch.subarray(f * frameBytes, (f + 1) * frameBytes);
        if (!frame.subarray(8, 16).equals(salts)) return result(pageSize, databasePages, committed);
        sum = checksum(
          frame.subarray(FRAME_HEADER_BYTES),
          bigEndian,
          checksum(frame.subarray(0, 8), bigEndian, sum),
        );
        if (sum[0] !== frame.readUInt32BE(16) || sum[1] !== frame.readUInt32BE(20))
          return result(pageSize, databasePages, committed);
        pending.set(frame.readUInt32BE(0), offset + f * frameBytes + FRAME_HEADER_BYTES);
        const sizeAfterCommit = frame.readUInt32BE(4);
        if (sizeAfterCommit > 0) {
          for (const [page, at] of pending) committed.set(page, at);
          pending.clear();
          databasePages = sizeAfterCommit;
        }
      }
      if (frames < FRAMES_PER_READ) return result(pageSize, databasePages, committed);
      offset += frames * frameBytes;
    }
  } finally {
    await handle.close();
  }
}

function result(pageSize: number, databasePages: number, committed: Map<number, number>): CommittedWal {
  if (!databasePages) return null;
  const pages = [...committed]
    .filter(([page]) => page <= databasePages)
    .map(([pageNumber, offset]) => ({ pageNumber, offset }));
  return { pageSize, databasePages, pages };
}
