import { listAuditLog } from "@/server/services/audit/list-audit-log";
import { operatorProcedure } from "@/server/trpc/procedures";
import { ZListAuditLogRequest, ZListAuditLogResponse } from "./list-audit-log.types";

export const listAuditLogRoute = operatorProcedure("viewer")
  .input(ZListAuditLogRequest)
  .output(ZListAuditLogResponse)
  .query(({ input }) => listAuditLog(input));
