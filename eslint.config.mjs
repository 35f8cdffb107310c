import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

// Besides the usual checks, these rules hold the layering of docs/adr/0001-layering.md:
// only server/data (and server/db.ts) reach the database client; server/domain stays pure;
// components/ and templates/ never reach server/data.

const DB_CLIENT = ["@prisma/client", "@prisma/*", ".prisma/*", "pg", "@electric-sql/pglite", "pglite-prisma-adapter"];
const DB_MODULES = ["**/server/db", "@/server/db", "**/db"];
const DATA_LAYER = ["**/server/data/*", "@/server/data/*", "**/data/*"];

const restrict = (patterns, message) => ({ group: patterns, message });

/** What server/domain may not import: `alsoOutside` lists more of server/ it stays out of. */
function domainPatterns(alsoOutside) {
  return [
    restrict([...DB_CLIENT, ...DB_MODULES], "server/domain is pure: no database."),
    restrict(
      ["next", "next/*", "next-auth", "next-auth/*", "next-intl", "next-intl/*", "react", "react-dom", "@trpc/*"],
      "server/domain is pure: no framework.",
    ),
    restrict(
      [
        "fs",
        "node:fs",
        "node:fs/*",
        "fs/*",
        "net",
        "node:net",
        "http",
        "node:http",
        "https",
        "node:https",
        "child_process",
        "node:child_process",
      ],
      "server/domain is pure: no I/O.",
    ),
    restrict(
      [
        "@/*",
        "!@/server/domain/*",
        ...[
          "data/*",
          "api/*",
          "services/*",
          "jobs/*",
          ...alsoOutside,
          "auth",
          "env",
          "db",
          "session-secret",
          "password",
        ].flatMap((p) => [`../${p}`, `../../${p}`]),
      ],
      "server/domain imports only itself.",
    ),
  ];
}

export default tseslint.config(
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      "data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
      "server/domain/evidence/fixtures/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
  },
  {
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "inline-type-imports", disallowTypeAnnotations: false },
      ],
    },
  },
  {
    files: ["**/*.{ts,tsx,mts,mjs}"],
    ignores: ["server/data/**", "server/db.ts", "prisma.config.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            restrict(
              [...DB_CLIENT, ...DB_MODULES],
              "Only server/data talks to the database (docs/adr/0001-layering.md).",
            ),
          ],
        },
      ],
    },
  },
  {
    // services do work for routes and jobs; they never reach back into either
    files: ["server/services/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            restrict(
              [...DB_CLIENT, ...DB_MODULES],
              "Only server/data talks to the database (docs/adr/0001-layering.md).",
            ),
            restrict(
              ["**/server/api/*", "@/server/api/*", "../../api/*", "../api/*"],
              "server/services is called by server/api and server/jobs, never the reverse.",
            ),
          ],
        },
      ],
    },
  },
  {
    files: ["server/domain/**"],
    rules: { "no-restricted-imports": ["error", { patterns: domainPatterns(["i18n/*"]) }] },
  },
  {
    // the message catalogs are data: document words are read from them here and only here
    files: ["server/domain/document-words.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: domainPatterns([]) }] },
  },
  {
    // tests of the core may read their fixture files
    files: ["server/domain/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            restrict([...DB_CLIENT, ...DB_MODULES], "server/domain is pure: no database."),
            restrict(["next", "next/*", "react", "@trpc/*"], "server/domain is pure: no framework."),
          ],
        },
      ],
    },
  },
  {
    files: ["components/**", "templates/**", "app/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            restrict([...DB_CLIENT, ...DB_MODULES], "UI and routes never reach the database client."),
            {
              group: DATA_LAYER,
              message: "UI and routes go through server/api, never server/data.",
              allowTypeImports: false,
            },
          ],
        },
      ],
    },
  },
);
