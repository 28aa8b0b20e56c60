import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { cn } from "@/lib/cn";

/** Endpoint, status and event filters as a GET form: a filtered list is a link, and back works. */
export function DeliveryFilters(props: {
  endpoints: { id: string; url: string }[];
  statuses: readonly string[];
  eventTypes: readonly string[];
  values: { endpoint?: string; status?: string; event?: string };
}) {
  const { values } = props;
  const filtered = Boolean(values.endpoint || values.status || values.event);
  const selectClass = cn(inputClass, "mt-1 h-10 pr-8");
  return (
    <form action="/cp/webhooks#deliveries" method="get" className="flex flex-wrap items-end gap-3 border-b border-slate-200 px-5 py-4">
      <div className="w-full min-w-0 sm:w-auto sm:min-w-64 sm:flex-1">
        <label htmlFor="filter-endpoint" className="block text-xs font-medium text-slate-600">Endpoint</label>
        <select id="filter-endpoint" name="endpoint" defaultValue={values.endpoint ?? ""} className={selectClass}>
          <option value="">Any endpoint</option>
          {props.endpoints.map((e) => (
            <option key={e.id} value={e.id}>{e.url}</option>
          ))}
        </select>
      </div>
      <div className="min-w-36 flex-1 sm:flex-none">
        <label htmlFor="filter-status" className="block text-xs font-medium text-slate-600">Status</label>
        <select id="filter-status" name="status" defaultValue={values.status ?? ""} className={selectClass}>
          <option value="">Any status</option>
          {props.statuses.map((s) => (
            <option key={s} value={s}>{s}</option>
          ))}
        </select>
      </div>
      <div className="min-w-44 flex-1 sm:flex-none">
        <label htmlFor="filter-event" className="block text-xs font-medium text-slate-600">Event</label>
        <select id="filter-event" name="event" defaultValue={values.event ?? ""} className={selectClass}>
          <option value="">Any event</option>
          {props.eventTypes.map((t) => (
            <option key={t} value={t}>{t}</option>
          ))}
        </select>
      </div>
      <div className="flex gap-2">
        <button type="submit" className={cn(buttonClass("secondary"), "h-10")}>Filter</button>
        {filtered ? <Link href="/cp/webhooks#deliveries" className={cn(buttonClass("ghost"), "h-10")}>Clear</Link> : null}
      </div>
    </form>
  );
}
