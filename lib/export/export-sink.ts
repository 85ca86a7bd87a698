import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { ownerProcessTag } from "@/lib/store/owner-process";

// One file an export writes: lines gathered into chunks of about CHUNK_CHARS, each chunk encoded
// into one buffer reused for the whole file, hashed and written from it. Nothing is allocated per
// chunk (a million-row export makes tens of thousands of chunks; fresh buffers for them sat as
// garbage outside the heap until a collection came). Writes are synchronous, a chunk at a time:
// as short as the store's own reads between them, and the file can never run ahead of the disk.

const CHUNK_CHARS = 64 * 1024;

export type ExportFileFigures = { name: string; rows: number; bytes: number };

export class ExportSink {
  readonly figures: ExportFileFigures;
  readonly partial: string;
  private fd: number | null;
  private readonly hash = crypto.createHash("sha256");
  private buffer = Buffer.allocUnsafe(3 * CHUNK_CHARS); // UTF-8 takes at most 3 bytes a UTF-16 unit
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(dir: string, name: string) {
    this.figures = { name, rows: 0, bytes: 0 };
    // named for the process writing it, so start-up can tell a killed one's (lib/export/interrupted-exports.ts)
    this.partial = path.join(dir, `.${name}.${ownerProcessTag()}.${crypto.randomUUID()}.partial`);
    this.fd = fs.openSync(this.partial, "w", 0o600);
  }

  /** Adds one line (without its newline). */
  writeLine(line: string): void {
    this.pending.push(line);
    this.pendingChars += line.length + 1;
    this.figures.rows++;
    if (this.pendingChars >= CHUNK_CHARS) this.flush();
  }

  flush(): void {
    if (!this.pending.length || this.fd === null) return;
    const text = `${this.pending.join("\n")}\n`;
    this.pending = [];
    this.pendingChars = 0;
    if (text.length * 3 > this.buffer.length) this.buffer = Buffer.allocUnsafe(text.length * 3); // a line longer than a chunk
    const length = this.buffer.write(text, 0, "utf8");
    const chunk = this.buffer.subarray(0, length);
    this.hash.update(chunk);
    for (let at = 0; at < length;) at += fs.writeSync(this.fd, chunk, at, length - at);
    this.figures.bytes += length;
  }

  /** Flushes and closes the file; its sha256. */
  finish(): string {
    this.flush();
    this.close();
    return this.hash.digest("hex");
  }

  close(): void {
    if (this.fd === null) return;
    const fd = this.fd;
    this.fd = null;
    fs.closeSync(fd);
  }

  /** Closes and removes the file (a failed or stopped export leaves nothing). */
  discard(): void {
    try {
      this.close();
    } finally {
      fs.rmSync(this.partial, { force: true });
    }
  }
}
