import { router } from "@/server/trpc/init";
import { checkInRoute } from "./check-in";
import { licensingOverviewRoute, operatorReissueRoute } from "./operator";
import { orderApplianceRoute, orderEditionsRoute, orderReissueRoute, orderStatusRoute } from "./order";
import { redeemInstallCodeRoute } from "./redeem-install-code";
import { registerTenantRoute } from "./register-tenant";
import { reissueInstallCodeRoute } from "./reissue-install-code";
import { revokeApplianceRoute, revokeEntitlementRoute } from "./revoke";

export const licensingRouter = router({
  registerTenant: registerTenantRoute,
  reissue: reissueInstallCodeRoute,
  redeem: redeemInstallCodeRoute,
  checkIn: checkInRoute,
  revokeEntitlement: revokeEntitlementRoute,
  revokeAppliance: revokeApplianceRoute,
  orderEditions: orderEditionsRoute,
  order: orderApplianceRoute,
  orderStatus: orderStatusRoute,
  orderReissue: orderReissueRoute,
  overview: licensingOverviewRoute,
  operatorReissue: operatorReissueRoute,
});
