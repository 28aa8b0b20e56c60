import { isAppError } from "@/server/errors";
import { enforceLicenseRateLimits } from "./rate-limit";
import { reissueInstallCode } from "./reissue-install-code";

/** The one answer of the public reissue form, whether or not the address is known. */
export const REISSUE_ACCEPTED_MESSAGE =
  "If an appliance is registered to this address, a new install code is on its way there; any earlier code stops working.";

/**
 * The customer's "send me a new code": reissues for the newest tenant of that
 * contact email and answers the same either way, so the form tells nobody
 * which addresses are customers. Rate limited per address.
 */
export async function requestReissueByEmail(opts: { email: string; headers: Headers; requestId?: string }): Promise<{ message: string }> {
  await enforceLicenseRateLimits({ headers: opts.headers, route: "reissue" });
  try {
    await reissueInstallCode({ email: opts.email, actor: { id: null, label: "customer (reissue form)" }, requestId: opts.requestId });
  } catch (err) {
    if (!isAppError(err) || err.code !== "NOT_FOUND") throw err;
  }
  return { message: REISSUE_ACCEPTED_MESSAGE };
}
