import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", ".toolchain/**", "src/generated/**", ".data/**", ".test-data/**", "reports/**", "test-results/**", "next-env.d.ts", "packages/client/dist/**", "packages/client/src/app-router.gen.ts"],
  },
];

export default config;
