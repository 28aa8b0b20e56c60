import Link from "next/link";
import { NotFoundPanel } from "@/components/cp/detail-header";

export default function PortalDomainNotFound() {
  return (
    <NotFoundPanel back={{ href: "/cp/domains", label: "Portal domains" }} title="No such portal domain">
      The link may be mistyped, or the domain was never submitted. Find it on the{" "}
      <Link href="/cp/domains" className="font-medium text-indigo-700 hover:underline">portal domain list</Link>.
    </NotFoundPanel>
  );
}
