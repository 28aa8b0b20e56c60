import { OrderThankYou } from "@/components/order/order-thank-you";

export const metadata = { title: "Thank you" };

export default async function ApplianceThankYouPage({ searchParams }: { searchParams: Promise<{ session_id?: string }> }) {
  const sp = await searchParams;
  return (
    <div>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight text-slate-900">Thank you for your order</h1>
      {sp.session_id ? (
        <OrderThankYou sessionId={sp.session_id} />
      ) : (
        <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-700">This page needs the checkout it thanks you for; follow the link Stripe sent you back with.</p>
      )}
    </div>
  );
}
