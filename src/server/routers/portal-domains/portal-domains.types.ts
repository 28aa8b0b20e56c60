import { z } from "zod";
import { text } from "@/server/validation/text";
import { ZPortalDomainId } from "@/server/services/portal-domains/portal-domain-ids";

export const ZSubmitPortalDomainRequest = z
  .strictObject({
    tenant_id: z.uuid("tenant_id must be a UUID"),
    domain: text().max(300, "domain is too long").meta({ description: "Host name such as portal.example.com; a URL is accepted and reduced to its host" }),
  })
  .meta({ id: "SubmitPortalDomainRequest" });

export const ZPortalDomainIdInput = z.object({ id: ZPortalDomainId });

export const ZReconcileResponse = z
  .object({ id: z.string(), queued: z.boolean(), job_id: z.string().nullable(), status: z.string() })
  .meta({ id: "PortalDomainReconcile" });
