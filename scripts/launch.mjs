/**
 * The front door: `npm start`, `npm run dev`, `npm run build` run this file
 * (npm execs it, so npm's signal forwarding reaches it directly).
 *
 * It checks the Node.js version first, before any key is generated or any
 * database started, and only then loads the launcher. Plain JavaScript that
 * parses on old Node versions, so the check can say what to install.
 */
import { readFileSync } from "node:fs";
import { minimumFromEngines, nodeVersionProblem } from "./node-version.mjs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const problem = nodeVersionProblem(process.versions.node, minimumFromEngines(pkg.engines?.node));
if (problem) {
  process.stderr.write(`[embark] ${problem.split("\n").join("\n[embark] ")}\n`);
  process.exit(1);
}
await import("./serve.mjs");
