import { notFound } from "next/navigation";
import { requireOperator } from "@/trpc/require-operator";

export const metadata = { title: "Not found" };

/** Paths under /cp that match no page: the dashboard's own not-found, inside its shell. */
export default async function MissingDashboardPage() {
  await requireOperator();
  notFound();
}
