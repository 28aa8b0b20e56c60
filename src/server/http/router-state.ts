import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state";

/**
 * True when Next.js can read this `next-router-state-tree` header. A page
 * render parses it with this same function and answers 500 when it throws,
 * so a bad header is refused before the render starts.
 */
export function isReadableRouterState(header: string): boolean {
  try {
    parseAndValidateFlightRouterState(header);
    return true;
  } catch {
    return false;
  }
}
