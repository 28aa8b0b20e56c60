import { describe, expect, it } from "vitest";
import {
  digestSessionToken,
  isSessionTokenDigest,
  restoreSessionTokens,
  rewriteSessionArgs,
  type TTokenMemo,
} from "./session-token-digest";

const TOKEN = "moyYgR7wyQOqu6YlNtPZkLnktdhsvmaw";
const DIGEST = digestSessionToken(TOKEN);

describe("digestSessionToken", () => {
  it("is a prefixed hex SHA-256 that never equals the token", () => {
    expect(DIGEST).toBe("sha256:6b2c9986028dc884ab156568853548394019fa0e7eec18db693306dd7a944175");
    expect(isSessionTokenDigest(DIGEST)).toBe(true);
    expect(isSessionTokenDigest(TOKEN)).toBe(false);
  });
});

describe("rewriteSessionArgs", () => {
  it("digests the token of a create and remembers the plain one", () => {
    const memo: TTokenMemo = new Map();
    const args = rewriteSessionArgs({ data: { id: "s1", token: TOKEN, userId: "u1" } }, memo);
    expect(args).toEqual({ data: { id: "s1", token: DIGEST, userId: "u1" } });
    expect(memo.get(DIGEST)).toBe(TOKEN);
  });

  it("digests token filters in where, nested AND/OR/NOT, in-lists and set", () => {
    const memo: TTokenMemo = new Map();
    const args = rewriteSessionArgs(
      {
        where: {
          AND: [{ token: { equals: TOKEN } }, { userId: "u1" }],
          OR: [{ token: TOKEN }, { token: { in: [TOKEN, "other"] } }],
          NOT: { token: { not: { equals: TOKEN } } },
        },
        data: { token: { set: TOKEN } },
      },
      memo,
    );
    const other = digestSessionToken("other");
    expect(args).toEqual({
      where: {
        AND: [{ token: { equals: DIGEST } }, { userId: "u1" }],
        OR: [{ token: DIGEST }, { token: { in: [DIGEST, other] } }],
        NOT: { token: { not: { equals: DIGEST } } },
      },
      data: { token: { set: DIGEST } },
    });
  });

  it("passes digests through unchanged (revoking a listed session)", () => {
    const memo: TTokenMemo = new Map();
    expect(rewriteSessionArgs({ where: { token: DIGEST } }, memo)).toEqual({ where: { token: DIGEST } });
    expect(memo.size).toBe(0);
  });

  it("leaves other fields and argument shapes alone", () => {
    const memo: TTokenMemo = new Map();
    const when = new Date();
    expect(rewriteSessionArgs({ where: { userId: "u1", expiresAt: { gt: when } }, take: 5 }, memo)).toEqual({
      where: { userId: "u1", expiresAt: { gt: when } },
      take: 5,
    });
  });

  it("refuses filters that cannot work over digests", () => {
    expect(() => rewriteSessionArgs({ where: { token: { startsWith: "moy" } } }, new Map())).toThrow(/startsWith/);
  });
});

describe("restoreSessionTokens", () => {
  it("puts back the plain token for digests the caller supplied, in rows and lists", () => {
    const memo: TTokenMemo = new Map([[DIGEST, TOKEN]]);
    expect(restoreSessionTokens({ id: "s1", token: DIGEST }, memo)).toEqual({ id: "s1", token: TOKEN });
    expect(restoreSessionTokens([{ token: DIGEST }, { token: "sha256:other" }], memo)).toEqual([
      { token: TOKEN },
      { token: "sha256:other" },
    ]);
    expect(restoreSessionTokens(null, memo)).toBeNull();
    expect(restoreSessionTokens({ count: 1 }, memo)).toEqual({ count: 1 });
  });
});
