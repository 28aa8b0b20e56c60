import Link from "next/link";

export default function HomePage() {
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-8 px-6 py-20">
      <div>
        <p className="text-sm font-semibold uppercase tracking-wider text-indigo-600">Embark</p>
        <h1 className="mt-2 text-4xl font-bold tracking-tight">From signup to a running tenant.</h1>
        <p className="mt-4 text-lg text-slate-600">
          Embark signs up a new customer, places their tenant, provisions it through a workflow and traces every
          step. It licenses self-hosted appliances and serves tenants&apos; client portals on their own domains;
          operators watch and repair all of it from one dashboard.
        </p>
      </div>
      <div className="flex flex-wrap gap-3">
        <Link href="/onboarding" className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500">
          Create your platform
        </Link>
        <Link href="/order/appliance" className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-100">
          Order an appliance
        </Link>
        <Link href="/cp" className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-100">
          Ops dashboard
        </Link>
        <Link href="/api/docs" className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-100">
          API reference
        </Link>
        <Link href="/api/health" className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium hover:bg-slate-100">
          Health
        </Link>
      </div>
    </main>
  );
}
