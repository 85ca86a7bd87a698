import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(__dirname),
      // `server-only` throws outside React's server graph; unit tests run server code directly.
      "server-only": path.resolve(__dirname, "lib/testing/server-only-stub.ts"),
    },
  },
  test: {
    include: [
      "lib/**/*.test.ts",
      "components/**/*.test.ts",
      "app/**/*.test.ts",
      "scripts/**/*.test.ts",
      "bin/**/*.test.ts",
    ],
    environment: "node",
    setupFiles: ["lib/testing/temp-store-setup.ts"],
    testTimeout: 30_000,
    pool: "forks",
  },
});
