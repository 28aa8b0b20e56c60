import { beforeEach, describe, expect, it } from "vitest";
import { resetDatabase } from "../../../../test/support/db";
import { signInWithPassword } from "@/server/auth/testing/auth-requests";
import { db } from "@/server/db";
import { createOperator } from "./create-operator";
import { ensureFirstAdmin, FIRST_ADMIN_EMAIL } from "./ensure-first-admin";

beforeEach(async () => {
  await resetDatabase();
});

describe("ensureFirstAdmin", () => {
  it("creates the first admin once, and returns null afterwards", async () => {
    const first = await ensureFirstAdmin({ production: false });
    expect(first).toEqual({ email: FIRST_ADMIN_EMAIL, password: expect.any(String) });
    expect((await signInWithPassword(FIRST_ADMIN_EMAIL, first!.password)).response.status).toBe(200);

    expect(await ensureFirstAdmin({ production: false })).toBeNull();
    expect(await db().user.count()).toBe(1);
  });

  it("creates exactly one admin when two processes race", async () => {
    const results = await Promise.all([ensureFirstAdmin({ production: false }), ensureFirstAdmin({ production: false })]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db().user.count()).toBe(1);
  });

  it("does nothing when an operator already exists", async () => {
    await createOperator({ email: "ops@example.com", name: "Ops", role: "viewer" });
    expect(await ensureFirstAdmin({ production: false })).toBeNull();
    expect(await db().user.count({ where: { email: FIRST_ADMIN_EMAIL } })).toBe(0);
  });

  it("does nothing in production", async () => {
    expect(await ensureFirstAdmin({ production: true })).toBeNull();
    expect(await db().user.count()).toBe(0);
  });

  it("still creates one when only wizard users exist", async () => {
    await db().user.create({ data: { id: "wizard-1", email: "w@example.com", name: "", role: "user" } });
    expect(await ensureFirstAdmin({ production: false })).not.toBeNull();
  });
});
