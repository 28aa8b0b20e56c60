import { mkdir, rm, writeFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { stableJson, type TPortalManifests } from "./render-portal-manifests";

const FILES = ["certificate", "gateway", "virtualservice"] as const;

/** Writes `<dir>/<prefix>/{certificate,gateway,virtualservice}.json`; resolves to the folder. */
export async function writeManifestSnapshots(dir: string, prefix: string, manifests: TPortalManifests): Promise<string> {
  const folder = join(dir, prefix);
  await mkdir(folder, { recursive: true });
  for (const name of FILES) {
    // Write then rename would be atomic, but a reader of a half-written snapshot only rereads it.
    await writeFile(join(folder, `${name}.json`), stableJson(manifests[name]));
  }
  return folder;
}

/** Removes a tenant's snapshots; resolves to the file names that were there. */
export async function removeManifestSnapshots(dir: string, prefix: string): Promise<string[]> {
  const folder = join(dir, prefix);
  let present: string[] = [];
  try {
    present = (await readdir(folder)).filter((f) => FILES.some((n) => f === `${n}.json`));
  } catch {
    return [];
  }
  await rm(folder, { recursive: true, force: true });
  return present;
}
