/** The areas of the ops dashboard, in the order the sidebar shows them. */
export type TNavItem = { href: string; label: string; group: "Provisioning" | "Customers" | "System" };

export const NAV_ITEMS: TNavItem[] = [
  { href: "/cp/jobs", label: "Provision jobs", group: "Provisioning" },
  { href: "/cp/tenants", label: "Tenants", group: "Provisioning" },
  { href: "/cp/nodes", label: "Nodes", group: "Provisioning" },
  { href: "/cp/trace", label: "Trace explorer", group: "Provisioning" },
  { href: "/cp/onboarding", label: "Onboarding", group: "Customers" },
  { href: "/cp/funnel", label: "Funnel", group: "Customers" },
  { href: "/cp/licensing", label: "Licensing", group: "Customers" },
  { href: "/cp/domains", label: "Portal domains", group: "Customers" },
  { href: "/cp/outbox", label: "Outbox", group: "System" },
  { href: "/cp/webhooks", label: "Webhooks", group: "System" },
  { href: "/cp/api-keys", label: "API keys", group: "System" },
  { href: "/cp/audit", label: "Audit log", group: "System" },
  { href: "/cp/operators", label: "Operators", group: "System" },
  { href: "/cp/account", label: "Your account", group: "System" },
];
