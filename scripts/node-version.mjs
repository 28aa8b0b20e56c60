/**
 * The Node.js version check `npm start` runs before anything else. Plain
 * JavaScript with no dependencies, so it runs on the old Node it rejects.
 */

/** "22.12.0" → [22, 12, 0]; missing parts count as 0. */
function parts(version) {
  const [major = 0, minor = 0, patch = 0] = String(version)
    .replace(/^v/, "")
    .split(".")
    .map((n) => Number.parseInt(n, 10) || 0);
  return [major, minor, patch];
}

/** The lowest version an `engines.node` range of the form ">=X.Y.Z" allows. */
export function minimumFromEngines(range) {
  const match = /^\s*>=\s*v?(\d+(?:\.\d+){0,2})\s*$/.exec(String(range ?? ""));
  if (!match) throw new Error(`engines.node must read ">=X.Y.Z", not ${JSON.stringify(range)}`);
  return match[1];
}

/** What to tell the user when `current` is older than `minimum`; null when it is new enough. */
export function nodeVersionProblem(current, minimum) {
  const have = parts(current);
  const need = parts(minimum);
  for (let i = 0; i < 3; i++) {
    if (have[i] > need[i]) return null;
    if (have[i] < need[i]) {
      return [
        `Embark needs Node.js ${minimum} or newer; this is Node.js ${String(current).replace(/^v/, "")}.`,
        `Install the current LTS (Node.js 24) from https://nodejs.org or with a version manager`,
        `(e.g. \`nvm install 24\` or \`fnm install 24\`), then run the command again.`,
      ].join("\n");
    }
  }
  return null;
}
