import { env } from "@/env";

/** Tenants a new node holds when nobody says: one on a dedicated node, NODE_DEFAULT_CAPACITY on a shared one. */
export function defaultNodeCapacity(dedicated: boolean): number {
  return dedicated ? 1 : env().NODE_DEFAULT_CAPACITY;
}
