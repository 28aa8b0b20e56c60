/** The lowest version an `engines.node` range of the form ">=X.Y.Z" allows. */
export function minimumFromEngines(range: string | undefined): string;
/** What to tell the user when `current` is older than `minimum`; null when it is new enough. */
export function nodeVersionProblem(current: string, minimum: string): string | null;
