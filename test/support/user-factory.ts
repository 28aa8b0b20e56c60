import { db } from "../../src/server/db";
import type { TUserRole } from "../../src/server/auth/roles";

/** Users as tests need them (an onboarding names one): `<id>@example.com`, role `user` unless given. */
export async function seedUsers(ids: readonly string[], role: TUserRole = "user"): Promise<void> {
  await db().user.createMany({
    data: ids.map((id) => ({ id, email: `${id}@example.com`, name: id, role })),
    skipDuplicates: true,
  });
}
