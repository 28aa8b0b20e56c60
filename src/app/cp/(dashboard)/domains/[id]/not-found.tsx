import Link from "next/link";

export default function PortalDomainNotFound() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-xl font-semibold text-slate-900">No such portal domain</h1>
      <p className="mt-2 text-slate-600">It may have been mistyped.</p>
      <Link href="/cp/domains" className="mt-4 inline-block text-indigo-700 hover:underline">← Portal domains</Link>
    </div>
  );
}
