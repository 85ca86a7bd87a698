// The fetch the model client hands the openai SDK: node:http(s) on keep-alive connections, every
// reply body read under a byte cap and the request's deadline. The SDK's own timeout ends when the
// headers arrive and it reads error bodies whole, so a reply that never ends or runs to gigabytes
// would otherwise hold the runner or fill its memory. It is node:http rather than the global fetch
// because a job sends hundreds of requests a second from one event loop, and the global fetch (its
// web streams, Request and Headers objects) cost the runner about a third of its CPU per request.
import http from "node:http";
import https from "node:https";
import { ReplyHeaders } from "@/lib/llm/reply-headers";

const mib = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;

/** The reply's body went past the cap: reading stopped there (the connection is closed) and nothing of it is kept. */
export class ReplyTooLargeError extends Error {
  constructor(
    readonly maxBytes: number,
    declared?: number,
  ) {
    super(
      `the reply is larger than ${mib(maxBytes)}${declared ? ` (it announced ${mib(declared)})` : ""}; reading stopped there and nothing of it was kept`,
    );
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

const agents = {
  "http:": new http.Agent({ keepAlive: true }),
  "https:": new https.Agent({ keepAlive: true }),
};
const NO_BODY = new Set([101, 204, 205, 304]);

/** The error a fetch gives when its signal ends it: the signal's reason (the SDK tells its own timeout by the name AbortError). */
const abortError = (signal: AbortSignal | null | undefined) =>
  signal?.reason instanceof Error
    ? signal.reason
    : Object.assign(new Error("This operation was aborted"), { name: "AbortError" });

function headerRecord(headers: HeadersInit | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  if (!headers) return record;
  const pairs = headers instanceof Headers || Array.isArray(headers) ? headers : Object.entries(headers);
  for (const [name, value] of pairs) record[name.toLowerCase()] = value;
  return record;
}

function requestBody(body: BodyInit | null | undefined): string | Uint8Array | undefined {
  if (body === null || body === undefined || typeof body === "string" || body instanceof Uint8Array)
    return body ?? undefined;
  throw new TypeError(`the model client sends only text bodies, not ${Object.prototype.toString.call(body)}`);
}

/** A reply whose body is being read (capped, timed) while the caller looks at its status and headers. */
class CappedReply {
  readonly ok: boolean;
  readonly statusText: string;
  readonly headers: ReplyHeaders;
  readonly body = null; // the SDK cancels a body it does not need; this one stops by itself at its cap and deadline
  readonly redirected = false;
  readonly type = "basic";
  bodyUsed = false;

  constructor(
    readonly url: string,
    readonly status: number,
    statusText: string | undefined,
    headers: http.IncomingHttpHeaders,
    private readonly bytes: Promise<Buffer>,
  ) {
    this.ok = status >= 200 && status < 300;
    this.statusText = statusText ?? "";
    this.headers = new ReplyHeaders(headers);
  }

  private take(): Promise<Buffer> {
    if (this.bodyUsed) return Promise.reject(new TypeError("the reply's body was read already"));
    this.bodyUsed = true;
    return this.bytes;
  }
  async text(): Promise<string> {
    return (await this.take()).toString("utf8");
  }
  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.take();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }
}

/** Reads a reply's body into one buffer, failing past `maxBytes` or `ms` (and then closing the connection). */
function readCapped(
  res: http.IncomingMessage,
  limits: ReplyLimits,
  ms: number,
  signal: AbortSignal | null | undefined,
): Promise<Buffer> {
  const declared = Number(res.headers["content-length"] ?? 0) || 0;
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const fail = (error: Error) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      reject(error);
      res.destroy(); // the socket goes with it: nothing more of this reply is read
    };
    const onAbort = () => fail(abortError(signal));
    const timer = setTimeout(() => fail(new ReplyTimeoutError(limits.timeoutMs)), ms);
    timer.unref();
    if (declared > limits.maxBytes) return fail(new ReplyTooLargeError(limits.maxBytes, declared));
    signal?.addEventListener("abort", onAbort, { once: true });
    res.on("data", (chunk: Buffer) => {
      received += chunk.byteLength;
      if (received > limits.maxBytes) return fail(new ReplyTooLargeError(limits.maxBytes));
      chunks.push(chunk);
    });
    res.on("end", () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    });
    res.on("error", (error) => fail(Object.assign(new TypeError("terminated"), { cause: error })));
    res.on("aborted", () =>
      fail(new TypeError("terminated: the server closed the connection before the reply ended")),
    );
  });
}

/** A fetch over node:http(s) whose reply bodies stop at `maxBytes` and at `timeoutMs` after the request was sent. */
export function cappedHttpFetch(limits: ReplyLimits): typeof fetch {
  const send = (input: string | URL | Request, init: RequestInit = {}) =>
    new Promise<CappedReply>((resolve, reject) => {
      if (typeof input !== "string" && !(input instanceof URL))
        throw new TypeError("the model client's fetch takes a URL, not a Request");
      const url = new URL(input);
      if (url.protocol !== "http:" && url.protocol !== "https:")
        throw new TypeError(`the model client speaks http and https, not ${url.protocol}`);
      const { signal } = init;
      if (signal?.aborted) throw abortError(signal);
      const started = Date.now();
      const body = requestBody(init.body);
      const headers = headerRecord(init.headers);
      if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
      const request = (url.protocol === "https:" ? https : http).request(url, {
        method: init.method ?? "GET",
        headers,
        agent: agents[url.protocol],
      });
      const onAbort = () => request.destroy(abortError(signal));
      signal?.addEventListener("abort", onAbort, { once: true });
      request.on("error", (error) => {
        signal?.removeEventListener("abort", onAbort);
        reject(
          signal?.aborted
            ? abortError(signal)
            : Object.assign(new TypeError("fetch failed"), { cause: error }),
        );
      });
      request.on("response", (res) => {
        signal?.removeEventListener("abort", onAbort);
        const status = res.statusCode ?? 0;
        const left = Math.max(1, limits.timeoutMs - (Date.now() - started));
        const bytes = NO_BODY.has(status)
          ? (res.resume(), Promise.resolve(Buffer.alloc(0)))
          : readCapped(res, limits, left, signal);
        bytes.catch(() => undefined); // a body nobody reads (the SDK drops it on a retry) fails quietly
        resolve(new CappedReply(url.href, status, res.statusMessage, res.headers, bytes));
      });
      request.end(body);
    });
  // the SDK reads only what CappedReply has (status, headers, text, json): the Response type is a promise kept by hand
  return send as unknown as typeof fetch;
}
