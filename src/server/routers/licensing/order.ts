import { z } from "zod";
import { listApplianceEditions, startApplianceOrder } from "@/server/services/licensing/appliance-checkout";
import {
  ZApplianceEditionOffer,
  ZApplianceOrderRequest,
  ZApplianceOrderResponse,
  ZOrderStatusRequest,
  ZOrderStatusResponse,
} from "@/server/services/licensing/appliance-order.types";
import { getApplianceOrderStatus } from "@/server/services/licensing/get-appliance-order-status";
import { ZContactEmail } from "@/server/services/licensing/licensing.types";
import { requestReissueByEmail } from "@/server/services/licensing/request-reissue-by-email";
import { publicProcedure } from "@/server/trpc/procedures";

/** The editions /order/appliance offers, with the reason an edition is unavailable. */
export const orderEditionsRoute = publicProcedure.output(z.array(ZApplianceEditionOffer)).query(() => listApplianceEditions());

/** /order/appliance: essentials answers the code, paid editions a Stripe Checkout URL. */
export const orderApplianceRoute = publicProcedure
  .input(ZApplianceOrderRequest)
  .output(ZApplianceOrderResponse)
  .mutation(({ ctx, input }) => startApplianceOrder({ input, headers: ctx.headers }));

/** /order/appliance/thank-you polls this until the paid checkout's code exists. */
export const orderStatusRoute = publicProcedure
  .input(ZOrderStatusRequest)
  .output(ZOrderStatusResponse)
  .query(({ input }) => getApplianceOrderStatus({ sessionId: input.session_id }));

/** /order/appliance/reissue: the same answer whether or not the address is known. */
export const orderReissueRoute = publicProcedure
  .input(z.object({ email: ZContactEmail }))
  .output(z.object({ message: z.string() }))
  .mutation(({ ctx, input }) => requestReissueByEmail({ email: input.email, headers: ctx.headers, requestId: ctx.requestId }));
