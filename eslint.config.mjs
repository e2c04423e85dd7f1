import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layers, enforced (docs/architecture.md "Layers"): what must never import what. Type-only imports
// are allowed where they say so: a type is erased at build time and pulls no code across the line.
const serverLayer = ["@/lib/server/*", "**/lib/server/*", "../server/*", "../../server/*", "**/server/*", "@/lib/db", "**/lib/db", "../db"];
const frameworks = ["react", "react/*", "react-dom", "react-dom/*", "next", "next/*", "next-intl", "next-intl/*", "next-safe-action", "next-auth", "next-auth/*"];
const prismaRuntime = ["@prisma/*", "**/generated/prisma/client", "**/generated/prisma/client/*", "**/generated/prisma/internal/*"];

// Pages, routes and components ask the policy (lib/auth/policy.ts: `can`, serviceDesk, …) what the
// reader may do or sees; they never compare the signed-in user's role themselves.
const roleOfReader = "MemberExpression[property.name='role'][object.type='MemberExpression'][object.property.name='user']";
const askThePolicy = "compare no role here: ask lib/auth/policy.ts (can(scope, …), serviceDesk, allowanceDesk, or a new function there), so one place decides.";

export const layerRules = [
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: `BinaryExpression > ${roleOfReader}`, message: `The reader's role: ${askThePolicy}` },
        { selector: `SwitchStatement > ${roleOfReader}.discriminant`, message: `The reader's role: ${askThePolicy}` },
      ],
    },
  },
  {
    // Domain rules are pure: no database, no server layer, no React or Next.
    files: ["lib/domain/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: prismaRuntime, message: "lib/domain is pure: it never imports Prisma (take plain values; enum names as `import type` from generated/prisma/enums)." },
            { group: ["**/generated/prisma/enums"], allowTypeImports: true, message: "lib/domain takes Prisma's enums as types only (`import type`)." },
            { group: serverLayer, message: "lib/domain never imports the server layer: the use case in lib/server calls the rule, not the other way." },
            { group: frameworks, message: "lib/domain never imports React or Next: the rules run anywhere, tests included." },
          ],
        },
      ],
    },
  },
  {
    // Schemas are shared with the browser's forms: never the server layer.
    files: ["lib/schemas/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        { patterns: [{ group: serverLayer, message: "lib/schemas is shared with the forms: it never imports lib/server (the server imports the schema)." }] },
      ],
    },
  },
  {
    // Components get data and actions from pages (props) and lib/actions; lib/server only as types.
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: serverLayer,
              allowTypeImports: true,
              message: "components never import lib/server at run time (types only): the page loads the data and passes it down; forms call lib/actions.",
            },
          ],
        },
      ],
    },
  },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "bench/floor/.next/**", "bench/floor/next-env.d.ts", ".data/**", "lib/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  ...layerRules,
]);
