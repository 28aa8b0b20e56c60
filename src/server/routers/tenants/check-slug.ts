import { z } from "zod";
import { checkSlugAvailability } from "@/server/services/tenants/check-slug-availability";
import { publicProcedure } from "@/server/trpc/procedures";
import { text } from "@/server/validation/text";

export const checkSlugRoute = publicProcedure
  .meta({
    openapi: {
      method: "GET",
      path: "/v1/tenants/slug-availability",
      tags: ["tenants"],
      summary: "Check whether a subdomain is free",
      description: "Public: no credentials needed. A signed-in user's own signup waiting for payment does not hold the slug against them.",
      protect: false,
    },
  })
  .input(z.object({ slug: text().max(100) }))
  .output(z.object({ slug: z.string(), available: z.boolean(), reason: z.string().nullable() }))
  .query(({ ctx, input }) =>
    checkSlugAvailability({
      slug: input.slug,
      exceptUserId: ctx.principal.kind === "user" ? ctx.principal.user.id : undefined,
    }),
  );
