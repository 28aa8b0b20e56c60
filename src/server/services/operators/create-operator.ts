import { generateId } from "better-auth";
import { hashPassword } from "better-auth/crypto";
import { Prisma } from "@/generated/prisma/client";
import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { generatePassword } from "./generate-password";
import { CREDENTIAL_PROVIDER } from "./operator-summary";
import { ZCreateOperatorInput, type TCreatedOperator, type TCreateOperatorInput } from "./create-operator.types";

/**
 * Creates an operator who signs in to /cp with email and password. Without a
 * password one is generated and returned once. Throws BAD_REQUEST on invalid
 * input and CONFLICT when the email is taken.
 */
export async function createOperator(opts: TCreateOperatorInput & { db?: TDbOrTx }): Promise<TCreatedOperator> {
  const { db = defaultDb(), ...input } = opts;
  const parsed = ZCreateOperatorInput.safeParse(input);
  if (!parsed.success) {
    throw new AppError("BAD_REQUEST", {
      message: parsed.error.issues.map((i) => i.message).join("; "),
      details: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    });
  }
  const { email, name, role } = parsed.data;
  const generatedPassword = parsed.data.password === undefined ? generatePassword() : null;
  const passwordHash = await hashPassword(parsed.data.password ?? generatedPassword!);
  const id = generateId();
  try {
    // One statement: the user and its credential account exist together or not at all.
    await db.user.create({
      data: {
        id,
        email,
        name,
        role,
        emailVerified: true,
        accounts: {
          create: { id: generateId(), accountId: id, providerId: CREDENTIAL_PROVIDER, password: passwordHash },
        },
      },
      select: { id: true },
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      throw new AppError("CONFLICT", { message: `a user with email ${email} already exists`, cause: e });
    }
    throw e;
  }
  return { id, email, name, role, generatedPassword };
}
