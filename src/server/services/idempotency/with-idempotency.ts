import { createHash } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { TDb } from "@/server/db";
import { AppError } from "@/server/errors";

type TTx = Prisma.TransactionClient;

/** The `Idempotency-Key` header: 1 to 255 visible ASCII characters. */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** Reads and checks the `Idempotency-Key` header; null when absent. */
export function idempotencyKeyFrom(headers: Headers): string | null {
  const key = headers.get("idempotency-key");
  if (key === null) return null;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new AppError("BAD_REQUEST", { message: "Idempotency-Key must be 1 to 255 visible ASCII characters" });
  }
  return key;
}

export function requestDigest(body: unknown): string {
  return createHash("sha256").update(JSON.stringify(body ?? null), "utf8").digest("hex");
}

function isKeyCollision(err: unknown): boolean {
  return (
    err instanceof Prisma.PrismaClientKnownRequestError &&
    err.code === "P2002" &&
    /idempotency|IdempotencyRecord/.test(JSON.stringify(err.meta ?? {}))
  );
}

async function storedAnswer<T>(db: TDb, scope: string, key: string, requestHash: string): Promise<T | null> {
  const row = await db.idempotencyRecord.findUnique({ where: { scope_key: { scope, key } } });
  if (!row) return null;
  if (row.requestHash !== requestHash) {
    throw new AppError("UNPROCESSABLE", {
      message: "This Idempotency-Key was used with a different request body",
      details: { idempotencyKey: key },
    });
  }
  return row.response as T;
}

/**
 * Runs `work` in a transaction, once per (scope, key): the key is claimed
 * first, so a concurrent retry waits for the first attempt and then gets its
 * stored answer instead of doing the work again. Without a key it simply runs.
 */
export async function withIdempotency<T extends Prisma.InputJsonValue>(opts: {
  db: TDb;
  scope: string;
  key: string | null;
  request: unknown;
  work: (tx: TTx) => Promise<T>;
}): Promise<T> {
  const { db, scope, key } = opts;
  if (key === null) return db.$transaction((tx) => opts.work(tx));
  const requestHash = requestDigest(opts.request);
  const earlier = await storedAnswer<T>(db, scope, key, requestHash);
  if (earlier) return earlier;
  try {
    return await db.$transaction(async (tx) => {
      await tx.idempotencyRecord.create({ data: { scope, key, requestHash, response: {} } });
      const answer = await opts.work(tx);
      await tx.idempotencyRecord.update({ where: { scope_key: { scope, key } }, data: { response: answer } });
      return answer;
    });
  } catch (err) {
    if (!isKeyCollision(err)) throw err;
    const answer = await storedAnswer<T>(db, scope, key, requestHash);
    if (answer) return answer;
    throw err;
  }
}
