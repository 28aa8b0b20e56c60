import { router } from "@/server/trpc/init";
import { checkSlugRoute } from "./check-slug";
import { createTenantRoute } from "./create-tenant";
import { listTenantsRoute } from "./list-tenants";

export const tenantsRouter = router({
  create: createTenantRoute,
  checkSlug: checkSlugRoute,
  list: listTenantsRoute,
});
