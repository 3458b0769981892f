import type { NextConfig } from "next";

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
  ],
  poweredByHeader: false,
};

export default nextConfig;
