import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The workspace packages export TypeScript source, so Next compiles them with the app.
  transpilePackages: ["@gatehouse/core", "@gatehouse/db", "@gatehouse/policy", "@gatehouse/risk"],
  // Node-only libraries with native bindings, worker threads or dynamic requires stay
  // outside the server bundle and are loaded from node_modules at run time.
  serverExternalPackages: [
    "pg",
    "@prisma/client",
    "@prisma/adapter-pg",
    "bcryptjs",
    "pino",
    "bullmq",
    "ioredis",
    "@modelcontextprotocol/sdk",
  ],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
