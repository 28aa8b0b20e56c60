/** Who did an audited action: a user id, an API key id, or null for the internal key. */
export type TAuditActor = { id: string | null; label: string };
