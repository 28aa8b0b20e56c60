/** The areas of the ops dashboard, in the order the sidebar shows them. */
export type TNavItem = { href: string; label: string; available: boolean; group: "Provisioning" | "Customers" | "System" };

export const NAV_ITEMS: TNavItem[] = [
  { href: "/cp/jobs", label: "Provision jobs", available: true, group: "Provisioning" },
  { href: "/cp/tenants", label: "Tenants", available: true, group: "Provisioning" },
  { href: "/cp/nodes", label: "Nodes", available: true, group: "Provisioning" },
  { href: "/cp/onboarding", label: "Onboarding", available: true, group: "Customers" },
  { href: "/cp/funnel", label: "Funnel", available: true, group: "Customers" },
  { href: "/cp/trace", label: "Trace explorer", available: true, group: "Provisioning" },
  { href: "/cp/licensing", label: "Licensing", available: false, group: "Customers" },
  { href: "/cp/domains", label: "Portal domains", available: false, group: "Customers" },
  { href: "/cp/outbox", label: "Outbox", available: true, group: "System" },
  { href: "/cp/webhooks", label: "Webhooks", available: true, group: "System" },
  { href: "/cp/api-keys", label: "API keys", available: true, group: "System" },
  { href: "/cp/audit", label: "Audit log", available: true, group: "System" },
];
