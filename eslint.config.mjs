import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", ".data/**", "lib/platform/db/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    // One authorization choke point: pages (both routers), routes, actions and components never import Prisma.
    files: ["app/**/*.{ts,tsx}", "pages/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/platform/db", "@/lib/platform/db/*", "**/lib/platform/db", "**/lib/platform/db/*", "@prisma/*"], message: "Read and write through lib/<feature> (scope + policy), never Prisma directly." },
          ],
        },
      ],
    },
  },
];
export default config;
