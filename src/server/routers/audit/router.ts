import { router } from "@/server/trpc/init";
import { listAuditLogRoute } from "./list-audit-log";

export const auditRouter = router({
  list: listAuditLogRoute,
});
