import Link from "next/link";
import { NotFoundPanel } from "@/components/cp/detail-header";

/** Any /cp page or id that does not exist, shown inside the dashboard with a way back. */
export default function DashboardNotFound() {
  return (
    <NotFoundPanel back={{ href: "/cp", label: "Overview" }} title="Page not found">
      <p>The link may be mistyped, or what it pointed to no longer exists.</p>
      <p className="mt-3">
        <Link href="/cp" className="font-medium text-indigo-700 hover:underline">Back to the overview</Link>
        {" · "}
        <Link href="/cp/audit" className="font-medium text-indigo-700 hover:underline">Audit log</Link>
      </p>
    </NotFoundPanel>
  );
}
