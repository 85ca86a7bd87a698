// A request body made on the fly for tests of body limits: `total` bytes in chunks of `chunk`
// bytes (the first chunk may be given), counting what the server pulled. Nothing is held in memory
// beyond one chunk, so a test can offer far more than any limit.

export type CountingStream = {
  stream: ReadableStream<Uint8Array>;
  pulled: () => number;
  cancelled: () => boolean;
};

export function countingStream(options: {
  total: number;
  chunk: number;
  head?: Uint8Array;
  fill?: number;
  onPull?: (pulled: number) => void;
}): CountingStream {
  let sent = 0;
  let wasCancelled = false;
  const body = new Uint8Array(options.chunk).fill(options.fill ?? 0x61); // "a" by default
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        options.onPull?.(sent);
        if (sent >= options.total) return controller.close();
        const part =
          sent === 0 && options.head
            ? options.head
            : body.subarray(0, Math.min(options.chunk, options.total - sent));
        sent += part.byteLength;
        controller.enqueue(part);
      },
      cancel() {
        wasCancelled = true;
      },
    },
    { highWaterMark: 0 }, // pull only when the reader asks
  );
  return { stream, pulled: () => sent, cancelled: () => wasCancelled };
}

/** A Request with a streamed body and no Content-Length (as a chunked upload arrives). */
export function streamedRequest(
  url: string,
  body: ReadableStream<Uint8Array>,
  headers: Record<string, string>,
): Request {
  return new Request(url, { method: "POST", headers, body, duplex: "half" } as RequestInit);
}
