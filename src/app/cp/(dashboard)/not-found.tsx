import Link from "next/link";
import { Card, EmptyState } from "@/components/ui/card";

/** Any /cp page or id that does not exist, shown inside the dashboard with a way back. */
export default function DashboardNotFound() {
  return (
    <div className="mx-auto max-w-3xl">
      <p className="mb-2 text-sm">
        <Link href="/cp" className="text-indigo-700 hover:underline">← Overview</Link>
      </p>
      <Card>
        <EmptyState title="Page not found">
          <p>The link may be mistyped, or what it pointed to no longer exists.</p>
          <p className="mt-3">
            <Link href="/cp" className="font-medium text-indigo-700 hover:underline">Back to the overview</Link>
            {" · "}
            <Link href="/cp/audit" className="font-medium text-indigo-700 hover:underline">Audit log</Link>
          </p>
        </EmptyState>
      </Card>
    </div>
  );
}
