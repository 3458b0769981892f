import next from "eslint-config-next/core-web-vitals";
import ts from "eslint-config-next/typescript";

const config = [
  { ignores: [".next/**", ".data/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  ...next,
  ...ts,
  // No import cycles, type-only imports included: a cycle is a layering mistake even when it cannot break at run time.
  { files: ["**/*.ts", "**/*.tsx"], rules: { "import/no-cycle": ["error", { ignoreExternal: true }] } },
];
export default config;
