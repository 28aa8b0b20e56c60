import Link from "next/link";
import { Time } from "@/components/ui/time";

type TAlert = { id: string; kind: string; subject_id: string; message: string; raised_at: Date };

/** Open ops alerts, each linking to what it is about. */
export function OpenAlerts({ alerts, title = "Open alerts", linked = true }: { alerts: TAlert[]; title?: string; linked?: boolean }) {
  if (alerts.length === 0) return null;
  return (
    <section role="alert" aria-label={title} className="mb-6 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3" data-testid="open-alerts">
      <h2 className="text-sm font-semibold text-amber-900">{title}</h2>
      <ul className="mt-2 space-y-1.5">
        {alerts.map((a) => (
          <li key={a.id} className="text-sm text-amber-900">
            <span className="font-mono text-xs">{a.kind}</span> — {a.message}{" "}
            <span className="text-amber-700">(<Time value={a.raised_at} />)</span>{" "}
            {linked && a.subject_id.startsWith("pdom_") ? (
              <Link href={`/cp/domains/${a.subject_id}`} className="font-medium text-indigo-700 hover:underline">
                Open domain
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
