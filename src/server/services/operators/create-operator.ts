import { generateId } from "better-auth";
import { hashPassword } from "better-auth/crypto";
import { Prisma } from "@/generated/prisma/client";
import { db as defaultDb, type TDbOrTx } from "@/server/db";
import { AppError } from "@/server/errors";
import { generatePassword } from "./generate-password";
import { CREDENTIAL_PROVIDER } from "./operator-summary";
import { ZCreateOperatorInput, type TCreatedOperator, type TCreateOperatorInput } from "./create-operator.types";

/** An operator checked and with its password hashed, ready to be written. */
export type TPreparedOperator = Omit<TCreatedOperator, "id"> & { passwordHash: string };

/**
 * Checks an operator's fields and hashes the password (generating one when
 * none is given). Hashing is slow on purpose, so it happens here, before any
 * transaction holds a connection. Throws BAD_REQUEST on invalid input.
 */
export async function prepareOperator(input: TCreateOperatorInput): Promise<TPreparedOperator> {
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
  return { email, name, role, generatedPassword, passwordHash };
}

/** Writes a prepared operator: the user and its credential account together (one statement). Throws CONFLICT when the email is taken. */
export async function insertOperator(prepared: TPreparedOperator, db: TDbOrTx): Promise<TCreatedOperator> {
  const { email, name, role, generatedPassword, passwordHash } = prepared;
  const id = generateId();
  try {
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

/**
 * Creates an operator who signs in to /cp with email and password. Without a
 * password one is generated and returned once. Throws BAD_REQUEST on invalid
 * input and CONFLICT when the email is taken.
 */
export async function createOperator(opts: TCreateOperatorInput & { db?: TDbOrTx }): Promise<TCreatedOperator> {
  const { db = defaultDb(), ...input } = opts;
  return insertOperator(await prepareOperator(input), db);
}
