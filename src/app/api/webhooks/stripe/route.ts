import { routeMethods } from "@/server/http/route-methods";
import { handleStripeWebhookRequest } from "@/server/services/payments/handle-stripe-webhook";

// The SDK verifies signatures with node:crypto, and provisioning needs Prisma.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Stripe's webhook deliveries (checkout.session.completed starts a paid onboarding). */
export const { GET, POST, PUT, PATCH, DELETE, OPTIONS } = routeMethods({ POST: handleStripeWebhookRequest });
