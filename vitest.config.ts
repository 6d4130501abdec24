import { defineConfig } from "vitest/config";

// `npm test` runs every file under TZ=UTC and the date-sensitive ones under Pacific/Kiritimati and
// America/Los_Angeles too (scripts/test.mjs). Tests that read dist/ expect `npm run build` first
// (npm test does it).
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    pool: "forks",
    globalSetup: ["test/standinCertificate.globalSetup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
