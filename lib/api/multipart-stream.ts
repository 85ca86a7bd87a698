import "server-only";

// A streaming reader of multipart/form-data (RFC 7578): bytes go in as they arrive, each part's
// headers come out once read, and its content is handed on piece by piece, so a file part can
// go to disk without the body ever being held in memory. At most a delimiter's length of bytes
// is kept back between pieces (it may be the start of the next delimiter).

export type PartHeaders = { name: string; filename: string | null; contentType: string | null };

/** Where a part's content goes: called with each piece in order, then once at its end. */
export type PartSink = { write(data: Buffer): Promise<void> | void; end(): Promise<void> | void };

export class MultipartFormatError extends Error {}

const CRLF = Buffer.from("\r\n");
const HEADERS_END = Buffer.from("\r\n\r\n");
const MAX_HEADER_BYTES = 16 * 1024;

/** The boundary of a multipart/form-data Content-Type, or null when it is something else. */
export function multipartBoundary(contentType: string | null): string | null {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return null;
  const match = /;\s*boundary=(?:"([^"]{1,200})"|([^\s;]{1,200}))/i.exec(contentType);
  return match?.[1] ?? match?.[2] ?? null;
}

function parseHeaders(block: string): PartHeaders {
  const headers = new Map<string, string>();
  for (const line of block.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const disposition = headers.get("content-disposition") ?? "";
  const name = /(?:^|;)\s*name="([^"]*)"/i.exec(disposition)?.[1];
  if (!/^form-data\b/i.test(disposition) || name === undefined)
    throw new MultipartFormatError("A part of the form has no Content-Disposition: form-data name.");
  const extended = /(?:^|;)\s*filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const filename = extended
    ? decodeURIComponent(extended)
    : (/(?:^|;)\s*filename="([^"]*)"/i.exec(disposition)?.[1] ?? null);
  return { name, filename, contentType: headers.get("content-type") ?? null };
}

export class MultipartStream {
  private readonly delimiter: Buffer; // CRLF "--" boundary
  private state: "preamble" | "after-delimiter" | "headers" | "content" | "done" = "preamble";
  private pending: Buffer = Buffer.from(CRLF); // the first delimiter needs no CRLF before it: pretend there was one
  private sink: PartSink | null = null;

  constructor(
    boundary: string,
    private readonly onPart: (headers: PartHeaders) => PartSink,
  ) {
    this.delimiter = Buffer.from(`\r\n--${boundary}`);
  }

  /** Takes the next bytes of the body. */
  async write(chunk: Uint8Array): Promise<void> {
    if (this.finished()) return; // the epilogue is ignored
    this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : Buffer.from(chunk);
    while (!this.finished() && (await this.step()));
  }

  private finished(): boolean {
    return this.state === "done";
  }

  /** The body ended: it must have ended with the closing delimiter. */
  end(): void {
    if (!this.finished())
      throw new MultipartFormatError(
        "The form data ended before its closing boundary (the upload was cut short).",
      );
  }

  /** One step of the state machine over `pending`; false when it needs more bytes. */
  private async step(): Promise<boolean> {
    switch (this.state) {
      case "preamble": {
        const at = this.pending.indexOf(this.delimiter);
        if (at < 0) {
          this.keepTail();
          return false;
        }
        this.pending = this.pending.subarray(at + this.delimiter.length);
        this.state = "after-delimiter";
        return true;
      }
      case "after-delimiter": {
        if (this.pending.length < 2) return false;
        const next = this.pending.subarray(0, 2).toString("latin1");
        if (next === "--") {
          this.state = "done";
          return true;
        }
        if (next !== "\r\n") throw new MultipartFormatError("The form data has a malformed boundary line.");
        this.pending = this.pending.subarray(2);
        this.state = "headers";
        return true;
      }
      case "headers": {
        const at = this.pending.indexOf(HEADERS_END);
        if (at < 0) {
          if (this.pending.length > MAX_HEADER_BYTES)
            throw new MultipartFormatError(`A part's headers are longer than ${MAX_HEADER_BYTES / 1024} KB.`);
          return false;
        }
        const headers = parseHeaders(this.pending.subarray(0, at).toString("utf8"));
        this.pending = this.pending.subarray(at + HEADERS_END.length);
        this.sink = this.onPart(headers);
        this.state = "content";
        return true;
      }
      case "content": {
        const at = this.pending.indexOf(this.delimiter);
        if (at < 0) {
          const keep = Math.min(this.pending.length, this.delimiter.length - 1);
          const ready = this.pending.subarray(0, this.pending.length - keep);
          this.pending = Buffer.from(this.pending.subarray(this.pending.length - keep));
          if (ready.length) await this.sink!.write(ready);
          return false;
        }
        if (at > 0) await this.sink!.write(this.pending.subarray(0, at));
        await this.sink!.end();
        this.sink = null;
        this.pending = this.pending.subarray(at + this.delimiter.length);
        this.state = "after-delimiter";
        return true;
      }
      case "done":
        return false;
    }
  }

  /** Before the first delimiter: only its length's worth of bytes can still matter. */
  private keepTail(): void {
    if (this.pending.length >= this.delimiter.length)
      this.pending = Buffer.from(this.pending.subarray(this.pending.length - this.delimiter.length + 1));
  }
}
