import "server-only";
import { env } from "@/lib/env";
import { forbidden } from "@/lib/errors";
import { readApiToken } from "@/lib/auth/api-tokens";
import type { SessionUser } from "@/lib/auth/session-user";
import { readSession, SESSION_COOKIE } from "@/lib/auth/sessions";

export function readCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join("="));
    } catch {
      return undefined; // a mangled cookie is no session
    }
  }
  return undefined;
}

function bearerToken(request: Request): string | undefined {
  const header = request.headers.get("authorization");
  return header?.toLowerCase().startsWith("bearer ") ? header.slice(7).trim() : undefined;
}

/** Who is asking: an API token (Authorization: Bearer) or the session cookie; null for nobody. */
export async function authenticateRequest(
  request: Request,
): Promise<{ user: SessionUser | null; byCookie: boolean }> {
  const token = bearerToken(request);
  if (token) return { user: await readApiToken(token), byCookie: false };
  return { user: await readSession(readCookie(request, SESSION_COOKIE)), byCookie: true };
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

const trustProxy = () => env.SENSE_TRUST_PROXY === "1";
const firstValue = (header: string | null) => header?.split(",")[0]?.trim() || null;

/**
 * The origins this server answers as: its own (the Host header with the URL's scheme) and the
 * configured ones. X-Forwarded-Host and -Proto name them instead only behind a trusted proxy
 * (SENSE_TRUST_PROXY=1); otherwise any client could claim to be any site.
 */
function ownOrigins(request: Request): Set<string> {
  const url = new URL(request.url);
  const forwarded = trustProxy();
  const host =
    (forwarded ? firstValue(request.headers.get("x-forwarded-host")) : null) ?? request.headers.get("host");
  const proto =
    (forwarded ? firstValue(request.headers.get("x-forwarded-proto")) : null) ??
    url.protocol.replace(":", "");
  return new Set([url.origin, ...(host ? [`${proto}://${host}`] : []), ...env.trustedOrigins]);
}

/**
 * CSRF protection for requests that carry the session cookie: a mutation must come from our own
 * origin (the browser's Origin header, or Sec-Fetch-Site: same-origin). The cookie is SameSite=Lax
 * as well; token requests carry no cookie and need no check.
 */
export function refuseCrossSiteMutation(request: Request): void {
  if (safeMethods.has(request.method.toUpperCase())) return;
  const origin = request.headers.get("origin");
  if (origin ? ownOrigins(request).has(origin) : request.headers.get("sec-fetch-site") === "same-origin")
    return;
  throw forbidden(
    `Refused a ${request.method} from another site (origin ${origin ?? "not given"}): mutations must come from this dashboard.`,
  );
}

/** Whether the browser talks https to us (then cookies are Secure): the proxy says so only when trusted. */
export function isSecureRequest(request: Request): boolean {
  const forwarded = trustProxy() ? firstValue(request.headers.get("x-forwarded-proto")) : null;
  return (forwarded ?? new URL(request.url).protocol.replace(":", "")) === "https";
}

/**
 * The client's address, for the sign-in limit per address, or null when it cannot be trusted.
 * Route handlers do not see the socket; Next fills X-Forwarded-For only when the client sent none,
 * so the header is the client's to forge unless a proxy in front overwrites it (SENSE_TRUST_PROXY=1).
 */
export function clientAddress(request: Request): string | null {
  return trustProxy() ? firstValue(request.headers.get("x-forwarded-for")) : null;
}
