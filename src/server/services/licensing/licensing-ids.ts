import { CROCKFORD, randomFrom, sortableId } from "@/server/services/shared/random-id";

export const newEntitlementId = () => `ent_${sortableId()}`;
export const newInstallCodeId = () => `ic_${sortableId()}`;
export const newApplianceRowId = () => `apl_${sortableId()}`;

/** An appliance credential: `apc_<appliance row id>.<secret>`; only the secret's SHA-256 is stored. */
export function mintApplianceCredential(applianceRowId: string): { credential: string; secret: string } {
  const secret = randomFrom(CROCKFORD + "ABCDEFGHJKMNPQRSTVWXYZ", 43);
  return { credential: `apc_${applianceRowId}.${secret}`, secret };
}

/** Splits a presented credential into its row id and secret, or null when it is not shaped like one. */
export function parseApplianceCredential(credential: string): { applianceRowId: string; secret: string } | null {
  const m = /^apc_(apl_[0-9a-z]{26})\.([0-9A-Za-z]{43})$/.exec(credential);
  return m ? { applianceRowId: m[1]!, secret: m[2]! } : null;
}
