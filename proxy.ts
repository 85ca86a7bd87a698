import { NextResponse, type NextRequest } from "next/server";
import { newCspNonce, pageContentSecurityPolicy } from "@/lib/api/content-security-policy";
import { env } from "@/lib/env";

// Every page response gets a Content-Security-Policy with a nonce of its own. Next.js reads the
// nonce from the request's CSP header while rendering and puts it on its scripts, so the policy
// goes on the request (for the render) and on the response (for the browser).
export function proxy(request: NextRequest) {
  const csp = pageContentSecurityPolicy(newCspNonce(), { dev: env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  // Pages only. API routes are left out (their answers get a CSP of their own in next.config.js),
  // and so must be: for a request the proxy runs on, Next.js buffers the body to hand it on,
  // which would defeat the body limits of lib/api/request-body.ts (and cut uploads at 10 MB).
  matcher: ["/((?!api/|_next/static/|_next/image|favicon\\.ico|.*\\.(?:png|svg|ico|txt)$).*)"],
};
