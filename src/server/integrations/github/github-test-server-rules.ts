import type { TFakeRepo } from "./github-test-server";

/** What GitHub answers to a malformed dispatch body, or null when it would accept it. */
export function dispatchProblem(body: unknown, declared: readonly string[] | undefined): { status: number; message: string } | null {
  if (!body || typeof body !== "object" || Array.isArray(body)) return { status: 422, message: 'Invalid request.\n\n"ref" wasn\'t supplied.' };
  const { ref, inputs } = body as { ref?: unknown; inputs?: unknown };
  if (typeof ref !== "string" || !ref) return { status: 422, message: 'Invalid request.\n\n"ref" wasn\'t supplied.' };
  if (inputs === undefined) return null;
  if (!inputs || typeof inputs !== "object" || Array.isArray(inputs)) {
    return { status: 422, message: `Invalid request.\n\nFor 'properties/inputs', ${JSON.stringify(inputs)} is not an object.` };
  }
  const entries = Object.entries(inputs);
  if (entries.length > 25) return { status: 422, message: "you may only define up to 25 `inputs` for a `workflow_dispatch` event" };
  for (const [key, value] of entries) {
    if (typeof value !== "string") return { status: 422, message: `Invalid request.\n\nFor 'properties/${key}', ${JSON.stringify(value)} is not a string.` };
  }
  const unexpected = declared ? entries.map(([key]) => key).filter((key) => !declared.includes(key)) : [];
  if (unexpected.length) return { status: 422, message: `Unexpected inputs provided: ${JSON.stringify(unexpected)}` };
  return null;
}

/** GitHub's `created` filter: `>=T`, `>T`, `<=T`, `<T`, `A..B`, or a date. */
export function matchesCreated(createdAt: string, filter: string): boolean {
  const at = Date.parse(createdAt);
  const range = /^(.+)\.\.(.+)$/.exec(filter);
  if (range) return at >= Date.parse(range[1]!) && at <= Date.parse(range[2]!);
  const op = /^(>=|<=|>|<)(.+)$/.exec(filter);
  if (!op) return createdAt.startsWith(filter);
  const bound = Date.parse(op[2]!);
  return op[1] === ">=" ? at >= bound : op[1] === ">" ? at > bound : op[1] === "<=" ? at <= bound : at < bound;
}

/** A repository as GitHub describes it. */
export function repoBody(r: TFakeRepo) {
  const [login] = r.full_name.split("/");
  return {
    id: r.id,
    name: r.name,
    full_name: r.full_name,
    private: r.private,
    owner: { login, type: "Organization" },
    html_url: r.html_url,
    url: r.url,
    clone_url: `${r.html_url}.git`,
    default_branch: "main",
    template_repository: { full_name: r.template },
  };
}
