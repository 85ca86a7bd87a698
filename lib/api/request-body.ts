import "server-only";
import { payloadTooLarge } from "@/lib/errors";

/** The largest JSON body a route takes unless it sets its own (`bodyLimitBytes`). */
export const DEFAULT_JSON_BODY_LIMIT = 1024 * 1024;

/** "16 KB", "1 MB", "512 MB", "100 bytes": a limit in words (KB and MB of 1024). */
export function formatLimit(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`;
  return `${bytes} bytes`;
}

const tooLarge = (what: string, limitBytes: number) =>
  payloadTooLarge(`${what} is larger than the limit of ${formatLimit(limitBytes)}.`, limitBytes);

/** Refuses at once a request that declares a body over the limit (nothing of it is read). */
function refuseDeclaredOversize(request: Request, limitBytes: number, tooLargeError: () => Error): void {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLargeError();
}

/**
 * Pulls a body chunk by chunk, handing each to `onChunk`, and stops (cancelling the stream, so
 * the rest is never read) as soon as more than `limitBytes` came in: 413 naming the limit. The
 * Content-Length is checked first but not trusted; a chunked body is counted as it arrives.
 */
export async function readBodyChunks(
  request: Request,
  limitBytes: number,
  tooLargeError: () => Error,
  onChunk: (chunk: Uint8Array) => Promise<void> | void,
): Promise<number> {
  refuseDeclaredOversize(request, limitBytes, tooLargeError);
  if (!request.body) return 0;
  const reader = request.body.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return total;
      total += value.byteLength;
      if (total > limitBytes) throw tooLargeError();
      await onChunk(value);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    reader.releaseLock();
  }
}

/** A JSON body read within the limit. Throws BadJsonError when it does not parse (an empty body does not). */
export async function readJsonBody(request: Request, limitBytes: number): Promise<unknown> {
  const chunks: Uint8Array[] = [];
  const total = await readBodyChunks(
    request,
    limitBytes,
    () => tooLarge("The request body", limitBytes),
    (chunk) => void chunks.push(chunk),
  );
  const text = new TextDecoder().decode(Buffer.concat(chunks, total));
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BadJsonError();
  }
}

export class BadJsonError extends Error {}
