import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { env } from "@/env";

/** SigV4 query signatures are valid for at most seven days. */
export const MAX_PRESIGN_SECONDS = 7 * 24 * 3600;

/** Why there is no link when the object store is not configured. */
export const ISO_LINK_NOT_CONFIGURED =
  "The appliance ISO download is not configured on this server (OBJECT_STORE_ENDPOINT, OBJECT_STORE_BUCKET, OBJECT_STORE_ACCESS_KEY, OBJECT_STORE_SECRET_KEY)";

export type TIsoDownloadLink = { url: string; expiresAt: Date } | { url: ""; reason: string };

/**
 * A presigned SigV4 GET of the current appliance ISO (path-style, so any
 * S3-compatible store works), valid until the install code expires and never
 * longer than SigV4 allows. Without an object store: no link, and the reason.
 */
export async function presignIsoDownload(opts: { until: Date; now?: Date }): Promise<TIsoDownloadLink> {
  const e = env();
  if (!e.OBJECT_STORE_ENDPOINT || !e.OBJECT_STORE_BUCKET || !e.OBJECT_STORE_ACCESS_KEY || !e.OBJECT_STORE_SECRET_KEY) {
    return { url: "", reason: ISO_LINK_NOT_CONFIGURED };
  }
  const now = opts.now ?? new Date();
  const seconds = Math.min(MAX_PRESIGN_SECONDS, Math.max(1, Math.floor((opts.until.getTime() - now.getTime()) / 1000)));
  const client = new S3Client({
    endpoint: e.OBJECT_STORE_ENDPOINT,
    region: e.OBJECT_STORE_REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: e.OBJECT_STORE_ACCESS_KEY, secretAccessKey: e.OBJECT_STORE_SECRET_KEY },
  });
  try {
    const command = new GetObjectCommand({ Bucket: e.OBJECT_STORE_BUCKET, Key: e.APPLIANCE_ISO_KEY });
    const url = await getSignedUrl(client, command, { expiresIn: seconds, signingDate: now });
    return { url, expiresAt: new Date(now.getTime() + seconds * 1000) };
  } finally {
    client.destroy();
  }
}
