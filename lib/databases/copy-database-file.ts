import "server-only";
import fs from "node:fs";
import fsp from "node:fs/promises";
import path from "node:path";
import { invalidInput } from "@/lib/errors";
import { readCommittedWal } from "@/lib/databases/wal-frames";

const HEADER_BYTES = 100;

const nonEmpty = (file: string) => fs.existsSync(file) && fs.statSync(file).size > 0;

/**
 * Copies a SQLite file into place as a rollback-journal database, without ever opening the source
 * with SQLite (a read-only open of a WAL-mode file writes `-shm` and `-wal` beside it): the bytes
 * are copied, the committed transactions of a `-wal` beside it are folded in, and the header is
 * set out of WAL mode, so reading the copy never writes anything either. Off the event loop.
 */
export async function copyDatabaseFile(source: string, target: string, label: string): Promise<void> {
  if (nonEmpty(`${source}-journal`)) {
    throw invalidInput(
      `${label} has a hot journal (${path.basename(source)}-journal) left by an interrupted write; open it once with sqlite3 so SQLite rolls it back, then register it again.`,
    );
  }
  await fsp.copyFile(source, target, fs.constants.COPYFILE_EXCL);
  const wal = nonEmpty(`${source}-wal`) ? await readCommittedWal(`${source}-wal`) : null;
  const handle = await fsp.open(target, "r+");
  try {
    if (wal) {
      const page = Buffer.alloc(wal.pageSize);
      const log = await fsp.open(`${source}-wal`, "r");
      try {
        for (const { pageNumber, offset } of wal.pages) {
          await log.read(page, 0, wal.pageSize, offset);
          await handle.write(page, 0, wal.pageSize, (pageNumber - 1) * wal.pageSize);
        }
      } finally {
        await log.close();
      }
      await handle.truncate(wal.databasePages * wal.pageSize);
    }
    await leaveWalMode(handle, wal !== null);
  } finally {
    await handle.close();
  }
}

/**
 * Sets the header's read/write versions to 1 (rollback journal) when they say 2 (WAL) and, after
 * a fold, records the database size the file now has (valid, as SQLite reads it, when the change
 * counter and the version-valid-for number agree).
 */
async function leaveWalMode(handle: fsp.FileHandle, folded: boolean): Promise<void> {
  const header = Buffer.alloc(HEADER_BYTES);
  const { bytesRead } = await handle.read(header, 0, HEADER_BYTES, 0);
  if (bytesRead < HEADER_BYTES) return;
  const walMode = header[18] === 2 || header[19] === 2;
  if (!walMode && !folded) return;
  header[18] = 1;
  header[19] = 1;
  if (folded) {
    const pageSize = header.readUInt16BE(16) === 1 ? 65_536 : header.readUInt16BE(16);
    header.writeUInt32BE(Math.floor((await handle.stat()).size / pageSize), 28);
    header.writeUInt32BE(header.readUInt32BE(24), 92);
  }
  await handle.write(header, 0, HEADER_BYTES, 0);
}
