// The Content-Security-Policy of the dashboard's pages (set per response by proxy.ts): scripts
// run only with the response's nonce (Next.js puts it on its own scripts; 'strict-dynamic' lets
// them load the chunks they need), styles from our own files or with the nonce, style attributes
// allowed (React and recharts set them), nothing framed, no plugins, forms and <base> to us only.
// Framework-free: no Node built-ins, so proxy.ts can use it.

export function pageContentSecurityPolicy(nonce: string, options: { dev: boolean }): string {
  return [
    "default-src 'self'",
    // dev only: React rebuilds server error stacks in the browser with eval
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh nonce per response: 128 random bits, base64. */
export function newCspNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The nonce in a policy made by pageContentSecurityPolicy (undefined if there is none). */
export function nonceOfPolicy(policy: string | null): string | undefined {
  return policy?.match(/'nonce-([A-Za-z0-9+/=]+)'/)?.[1];
}
