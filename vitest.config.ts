import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // Next's guard against client imports; tests call server modules directly.
  "server-only": path.resolve(import.meta.dirname, "tests/setup/empty.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", sequence: { groupOrder: 0 } },
      },
      {
        resolve: {
          // Pages call next-intl's server API: its React Server Components build, reading the
          // app's request config as the next-intl plugin arranges in a build.
          alias: [
            ...Object.entries(alias).map(([find, replacement]) => ({ find, replacement })),
            { find: /^next-intl\/server$/, replacement: path.resolve(import.meta.dirname, "node_modules/next-intl/dist/esm/development/server.react-server.js") },
            { find: /^next-intl\/config$/, replacement: path.resolve(import.meta.dirname, "lib/i18n/request.ts") },
          ],
        },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/integration-global.ts"],
          setupFiles: ["tests/setup/integration-env.ts"],
          pool: "forks",
          sequence: { groupOrder: 1 },
          maxWorkers: 2,
          testTimeout: 30_000,
          // next-auth imports "next/server" without an extension; let Vite resolve it.
          // next-intl is inlined so that pages can be rendered as the server renders them
          // (aliases below).
          server: { deps: { inline: ["next-auth", "@auth/core", "next-intl"] } },
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
