import { router } from "@/server/trpc/init";
import { disablePortalDomainRoute } from "./disable-portal-domain";
import { getPortalDomainRoute } from "./get-portal-domain";
import { reconcilePortalDomainRoute } from "./reconcile-portal-domain";
import { submitPortalDomainRoute } from "./submit-portal-domain";

export const portalDomainsRouter = router({
  submit: submitPortalDomainRoute,
  get: getPortalDomainRoute,
  disable: disablePortalDomainRoute,
  reconcile: reconcilePortalDomainRoute,
});
