import { ReissueForm } from "@/components/order/reissue-form";

export const metadata = { title: "A new install code" };

export default function ApplianceReissuePage() {
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Get a new install code</h1>
      <p className="mb-6 mt-1 text-sm text-slate-600">A code expired or got lost? We email a new one to the registered address; earlier codes stop working.</p>
      <ReissueForm />
    </div>
  );
}
