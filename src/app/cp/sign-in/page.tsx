import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { hasOperatorRole } from "@/server/auth/roles";
import { getSessionUser } from "@/server/auth/session";
import { safeNextPath } from "./safe-next-path";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

/** Operator sign-in. Lives outside the session-guarded dashboard layout on purpose. */
export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  const user = await getSessionUser(await headers());
  if (user && hasOperatorRole(user.role, "viewer")) redirect(next);

  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex flex-col items-center gap-3 text-center">
          <span aria-hidden className="grid h-10 w-10 place-items-center rounded-lg bg-indigo-600 text-lg font-bold text-white">
            E
          </span>
          <div>
            <h1 className="text-xl font-semibold tracking-tight text-slate-900">Sign in to Embark</h1>
            <p className="mt-1 text-sm text-slate-500">Operator access to the control plane</p>
          </div>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          {params.changed === "1" && !user ? (
            <p role="status" className="mb-4 rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
              Your password was changed and you were signed out everywhere. Sign in with the new password.
            </p>
          ) : null}
          {user ? (
            <p className="mb-4 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">
              You are signed in as {user.email}, which has no operator role. Sign in with an operator account.
            </p>
          ) : null}
          <SignInForm next={next} />
        </div>
        <p className="mt-6 text-center text-xs text-slate-500">
          Operator accounts are created by an admin. Forgot your password? Ask an admin to reset it.
        </p>
      </div>
    </main>
  );
}
