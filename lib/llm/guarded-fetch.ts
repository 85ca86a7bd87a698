// The fetch the model client uses: every response body is read under a byte cap and a deadline.
// The openai SDK's own timeout ends when the headers arrive, and it reads error bodies whole, so a
// reply that never ends or runs to gigabytes would otherwise hold the runner (or fill its memory).

const mib = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;

/** The reply's body went past the cap: reading stopped there (the connection is closed) and nothing of it is kept. */
export class ReplyTooLargeError extends Error {
  constructor(readonly maxBytes: number, declared?: number) {
    super(`the reply is larger than ${mib(maxBytes)}${declared ? ` (it announced ${mib(declared)})` : ""}; reading stopped there and nothing of it was kept`);
    this.name = "ReplyTooLargeError";
  }
}

/** The reply's body did not end within the request's time limit. */
export class ReplyTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`the reply did not end within ${timeoutMs / 1000} s of the request; reading stopped`);
    this.name = "ReplyTimeoutError";
  }
}

export type ReplyLimits = { maxBytes: number; timeoutMs: number };

/** A body that errors past `maxBytes` or after `ms`, and then cancels its source (closing the connection). */
function guardBody(source: ReadableStream<Uint8Array>, limits: ReplyLimits, ms: number, declared: number): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let received = 0;
  let timer: NodeJS.Timeout | undefined;
  const stop = (controller: ReadableStreamDefaultController<Uint8Array>, error: Error) => {
    clearTimeout(timer);
    controller.error(error); // a no-op when it has errored already
    void reader.cancel(error).catch(() => undefined);
  };
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (declared > limits.maxBytes) return stop(controller, new ReplyTooLargeError(limits.maxBytes, declared));
      timer = setTimeout(() => stop(controller, new ReplyTimeoutError(limits.timeoutMs)), ms);
      timer.unref();
    },
    async pull(controller) {
      try {
        const chunk = await reader.read();
        if (chunk.done) {
          clearTimeout(timer);
          controller.close();
          return;
        }
        received += chunk.value.byteLength;
        if (received > limits.maxBytes) return stop(controller, new ReplyTooLargeError(limits.maxBytes));
        controller.enqueue(chunk.value);
      } catch (error) {
        // the source failed, or the stream was stopped meanwhile (then this changes nothing)
        stop(controller, error as Error);
      }
    },
    cancel(reason) {
      clearTimeout(timer);
      return reader.cancel(reason);
    },
  });
}

const NO_BODY = new Set([101, 204, 205, 304]);

/** A fetch whose response bodies stop at `maxBytes` and at `timeoutMs` after the request was sent. */
export function guardedFetch(limits: ReplyLimits, base: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const started = Date.now();
    const response = await base(input, init);
    if (!response.body || NO_BODY.has(response.status)) return response;
    const declared = Number(response.headers.get("content-length") ?? 0) || 0;
    const left = Math.max(1, limits.timeoutMs - (Date.now() - started));
    return new Response(guardBody(response.body, limits, left, declared), { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}
