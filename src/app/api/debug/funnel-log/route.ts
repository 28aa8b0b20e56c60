import { handleDebugFunnelLog } from "@/server/services/funnel/handle-debug-funnel-log";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** The wizard's debug stream: 404 for every method unless NEXT_PUBLIC_ONBOARDING_DEBUG=1 (read at run time). */
export {
  handleDebugFunnelLog as GET,
  handleDebugFunnelLog as POST,
  handleDebugFunnelLog as PUT,
  handleDebugFunnelLog as PATCH,
  handleDebugFunnelLog as DELETE,
  handleDebugFunnelLog as OPTIONS,
  handleDebugFunnelLog as HEAD,
};
