import { ApplianceOrderForm } from "@/components/order/appliance-order-form";

export const metadata = { title: "Order" };

export default async function ApplianceOrderPage({ searchParams }: { searchParams: Promise<{ cancelled?: string }> }) {
  const sp = await searchParams;
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Run Embark on your own hardware</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">
        Register, and you get a one-time install code and a link to the appliance ISO. Paid editions are billed monthly through Stripe.
      </p>
      <ApplianceOrderForm cancelled={sp.cancelled === "1"} />
    </div>
  );
}
