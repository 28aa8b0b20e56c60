import { ListFilters } from "@/components/cp/provisioning/list-filters";

/** Endpoint, status and event filters as a GET form: a filtered list is a link, and back works. */
export function DeliveryFilters(props: {
  endpoints: { id: string; url: string }[];
  statuses: readonly string[];
  eventTypes: readonly string[];
  values: { endpoint?: string; status?: string; event?: string };
}) {
  const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
  return (
    <ListFilters
      path="/cp/webhooks#deliveries"
      values={props.values}
      selects={[
        {
          name: "endpoint",
          label: "Endpoint",
          anyLabel: "Any endpoint",
          options: props.endpoints.map((e) => ({ value: e.id, label: e.url })),
          className: "w-full min-w-0 sm:w-auto sm:min-w-64 sm:flex-1",
        },
        { name: "status", label: "Status", anyLabel: "Any status", options: options(props.statuses) },
        { name: "event", label: "Event", anyLabel: "Any event", options: options(props.eventTypes), className: "min-w-44 flex-1 sm:flex-none" },
      ]}
    />
  );
}
