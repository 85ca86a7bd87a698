/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() in pages renders app/forbidden.tsx with status 403
  experimental: {
    authInterrupts: true,
    // page requests pass through proxy.ts, which buffers a body to hand it on; pages take none
    // (mutations go to /api, which the proxy leaves out), so a body sent to a page is cut short
    proxyClientMaxBodySize: "64kb",
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
      // pages get their CSP (with a nonce) from proxy.ts; API answers are data, never run
      {
        source: "/api/:path*",
        headers: [
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'; sandbox" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
