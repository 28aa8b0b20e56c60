import type { PrismaClient } from "@/generated/prisma/client";
import { restoreSessionTokens, rewriteSessionArgs, type TTokenMemo } from "./session-token-digest";

/**
 * A Prisma client whose `session` model stores SHA-256 digests of session
 * tokens while its callers (better-auth) keep working with plain tokens. The
 * extension also applies inside `$transaction` callbacks of the returned client.
 */
export function withHashedSessionTokens(client: PrismaClient) {
  return client.$extends({
    name: "hashed-session-tokens",
    query: {
      session: {
        async $allOperations({ args, query }) {
          const memo: TTokenMemo = new Map();
          const result = await query(rewriteSessionArgs(args, memo));
          return restoreSessionTokens(result, memo);
        },
      },
    },
  });
}

export type THashedSessionClient = ReturnType<typeof withHashedSessionTokens>;
