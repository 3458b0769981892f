import next from "eslint-config-next/core-web-vitals";
import ts from "eslint-config-next/typescript";

const config = [
  { ignores: [".next/**", ".data/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  ...next,
  ...ts,
  // No import cycles, type-only imports included: a cycle is a layering mistake even when it cannot break at run time.
  { files: ["**/*.ts", "**/*.tsx"], rules: { "import/no-cycle": ["error", { ignoreExternal: true }] } },
  // A capability under lib/server is used through its index (its small typed API); inside it, modules
  // import each other relatively. Test helpers (test-kit, test-nss …) are not API and stay deep.
  {
    files: ["**/*.ts", "**/*.tsx", "**/*.mts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^@/lib/server/[\\w-]+/(?!test-)[\\w./-]+$", message: "Import the capability through its index (@/lib/server/<capability>)." }] },
      ],
    },
  },
  // Entry points that run outside the app server (the proxy before every request, CLI scripts under
  // tsx) load only the modules they need: a capability's index would pull in the PDF renderer or the database.
  { files: ["proxy.ts", "scripts/**", "prisma/**", "tests/test-db.ts"], rules: { "no-restricted-imports": "off" } },
];
export default config;
