import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Modules that must never reach the browser: the store, SQLite, the filesystem.
const serverOnlyImports = {
  paths: [
    {
      name: "@/lib/db",
      message: "Client code talks to the server through the API (components/**/…-queries.ts).",
    },
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
    ignores: [
      "node_modules/**",
      ".next/**",
      "lib/generated/**",
      "data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      ".scratch/**",
      ".cache/**",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // type-aware rules: promises that nobody awaits, exhaustive switches, type-only imports
    files: ["**/*.{ts,tsx,mts}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/switch-exhaustiveness-check": [
        "error",
        { considerDefaultExhaustiveForUnions: true },
      ],
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "inline-type-imports", disallowTypeAnnotations: false },
      ],
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    // the domain layer never reaches up into pages or components
    files: ["lib/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/app/*", "@/components/*", "@/app/**", "@/components/**"],
              message: "lib/ is below app/ and components/: move what both need into lib/.",
            },
          ],
        },
      ],
    },
  },
  {
    // configuration is read in one place (lib/env.ts); launchers, benches and tests pass it on to children
    files: ["lib/**/*.{ts,tsx}", "app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    ignores: ["lib/env.ts", "**/*.test.ts", "lib/testing/**"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/env.ts." },
      ],
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
