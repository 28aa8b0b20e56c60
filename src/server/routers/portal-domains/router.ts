import { router } from "@/server/trpc/init";
import { disablePortalDomainRoute } from "./disable-portal-domain";
import { getPortalDomainRoute } from "./get-portal-domain";
import { getPortalDomainForOpsRoute } from "./get-portal-domain-for-ops";
import { listOpenAlertsRoute } from "./list-open-alerts";
import { listMinePortalDomainsRoute } from "./list-mine";
import { listPortalDomainsRoute } from "./list-portal-domains";
import { reconcileAsOperatorRoute } from "./reconcile-as-operator";
import { reconcilePortalDomainRoute } from "./reconcile-portal-domain";
import { submitPortalDomainRoute } from "./submit-portal-domain";

export const portalDomainsRouter = router({
  submit: submitPortalDomainRoute,
  get: getPortalDomainRoute,
  disable: disablePortalDomainRoute,
  reconcile: reconcilePortalDomainRoute,
  reconcileAsOperator: reconcileAsOperatorRoute,
  list: listPortalDomainsRoute,
  detail: getPortalDomainForOpsRoute,
  mine: listMinePortalDomainsRoute,
  openAlerts: listOpenAlertsRoute,
});
