import { TRACE_ID_HEADER } from "@/lib/trace-id-header";
import type { TDbOrTx } from "@/server/db";
import { recordFunnelMilestoneQuietly } from "@/server/services/funnel/record-funnel-milestone";
import { ZTraceId } from "@/server/services/trace/trace-event";



/**
 * After a sign-in endpoint answered: a code request that succeeded is the
 * trace's `signup_started` (once) and a `code_sent`; a code that signed the
 * person in is `code_verified`. Only when the request names a trace; nothing
 * about the person is recorded.
 */
export async function recordSignInMilestones(opts: {
  db: TDbOrTx;
  path: string;
  headers: Headers | undefined;
  failed: boolean;
}): Promise<void> {
  if (opts.failed) return;
  const parsed = ZTraceId.safeParse(opts.headers?.get(TRACE_ID_HEADER) ?? undefined);
  if (!parsed.success) return;
  const traceId = parsed.data;
  if (opts.path === "/email-otp/send-verification-otp") {
    await recordFunnelMilestoneQuietly(opts.db, { traceId, name: "signup_started", step: "email" });
    await recordFunnelMilestoneQuietly(opts.db, { traceId, name: "code_sent", step: "email" });
  } else if (opts.path === "/sign-in/email-otp") {
    await recordFunnelMilestoneQuietly(opts.db, { traceId, name: "code_verified", step: "code" });
  }
}
