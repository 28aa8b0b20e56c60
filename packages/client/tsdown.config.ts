import path from "node:path";
import { defineConfig } from "tsdown";

const here = import.meta.dirname;
const tsconfig = path.join(here, "../../tsconfig.json");

/** `npm run client:build` at the repository root builds dist/ (ESM + bundled .d.ts). */
export default defineConfig({
  cwd: here,
  entry: { index: "src/index.ts" },
  format: "esm",
  platform: "neutral",
  target: "es2022",
  outDir: "dist",
  clean: true,
  tsconfig,
  dts: { tsconfig, resolver: "tsc" },
});
