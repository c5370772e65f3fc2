import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Workspace packages ship TypeScript source. (@plano/api is imported for its types only.)
  transpilePackages: ["@plano/schema", "@tooling/env"],
  poweredByHeader: false,
  // /api/trpc and /api/v1 are forwarded to the API server by src/proxy.ts, at run time:
  // `rewrites()` here would freeze API_URL into the build.
};

export default nextConfig;
