import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Modules that must never reach the browser: the store, SQLite, the filesystem.
const serverOnlyImports = {
  paths: [
    { name: "@/lib/db", message: "Client code talks to the server through the API (components/**/…-queries.ts)." },
    { name: "better-sqlite3", message: "SQLite is server-only." },
  ],
  patterns: [
    { group: ["@/lib/generated/*", "@/lib/generated/**"], message: "The Prisma client is server-only." },
    { group: ["node:*", "fs", "path", "child_process"], message: "Node built-ins are server-only." },
  ],
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ["node_modules/**", ".next/**", "lib/generated/**", "data/**", "test-results/**", "playwright-report/**", "next-env.d.ts", ".scratch/**", ".cache/**"],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Client components may import types from lib/, but no server module at run time.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": "off",
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: serverOnlyImports.paths.map((p) => ({ ...p, allowTypeImports: true })),
          patterns: serverOnlyImports.patterns.map((p) => ({ ...p, allowTypeImports: true })),
        },
      ],
    },
  },
];

export default config;
