/**
 * Next.js calls `register()` once per server process. Background-job workers
 * live in the Node.js server only, never in the edge runtime or in `next
 * build`. The app is started with NEXT_MANUAL_SIG_HANDLE=true, so the signal
 * handlers installed here own the shutdown. Requests Next.js cannot take
 * (unsupported methods, undecodable paths) are answered before they reach it.
 */
export async function register(): Promise<void> {
  // Next's own variables, set by Next itself; src/env.ts does not model them.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // First, so the rate limits know who connected from the earliest request on.
  const { capturePeerAddresses } = await import("@/server/network/peer-address");
  capturePeerAddresses();
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { installRequestGuard } = await import("@/server/http/request-guard");
  installRequestGuard();
  const { env } = await import("@/env");
  const { installShutdownHandlers } = await import("@/jobs/shutdown");
  const { startJobRuntime } = await import("@/jobs/runtime");
  installShutdownHandlers();
  await startJobRuntime({ role: env().EMBARK_ROLE });
}
