import type { TJobHandler } from "@/jobs/define-job";
import { reconcilePortalDomain } from "@/server/services/portal-domains/reconcile-portal-domain";
import { ZPortalDomainReconcilePayload } from "./reconcile";

const handler: TJobHandler<{ portalDomainId: string; dueAt?: string }> = async (payload) => {
  const { portalDomainId, dueAt } = ZPortalDomainReconcilePayload.parse(payload);
  await reconcilePortalDomain({ portalDomainId, dueAt });
};
export default handler;
