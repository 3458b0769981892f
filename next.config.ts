import type { NextConfig } from "next";

// What every response says about how it may be used. Next's own inline bootstrap scripts need
// 'unsafe-inline' (a nonce would force every page dynamic); everything else loads from this site
// only, nothing may frame us, and plugins are off. pdf.js runs its worker from a blob/self URL.
const csp = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "worker-src 'self' blob:",
  "frame-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: csp },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "Permissions-Policy", value: "camera=(self), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  // PGlite ships wasm + data files and Prisma loads its wasm query compiler at run time:
  // keep them as plain node_modules instead of bundling them.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/client",
    "@prisma/adapter-pg",
    "pg",
    "nodemailer",
    // one registry shared with scripts/serve.mjs (which records request latency)
    "prom-client",
    "pino",
    // @peculiar/x509 resolves its services through tsyringe, which needs reflect-metadata loaded
    // first; bundled, a route that reaches the PKI through several indexes could evaluate them out
    // of order ("tsyringe requires a reflect polyfill"). Plain requires keep the import order.
    "reflect-metadata",
    "tsyringe",
    "@peculiar/x509",
    // the SMS gateways' SDKs (CommonJS, with their own HTTP clients): loaded as published
    "tencentcloud-sdk-nodejs-sms",
    "tencentcloud-sdk-nodejs-common",
    "@alicloud/dysmsapi20170525",
    "@alicloud/openapi-core",
    // Tencent Cloud FaceID (人脸核身) through the full official SDK (CommonJS, its own HTTP client; only
    // tencentcloud/services/faceid is loaded): as published
    "tencentcloud-sdk-nodejs",
  ],
  poweredByHeader: false,
  // The 借条 had its own pages before it became a template; old bookmarks and drafts' links land on the template's.
  async redirects() {
    return [
      { source: "/iou", destination: "/templates/iou", permanent: true },
      { source: "/iou/new", destination: "/templates/iou/new", permanent: true },
    ];
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // HSTS only where the site is reached over https (through a proxy that says so)
      { source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }], headers: [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }] },
    ];
  },
};

export default nextConfig;
