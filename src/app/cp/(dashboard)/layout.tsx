import Link from "next/link";
import { redirect } from "next/navigation";
import { hasOperatorRole } from "@/server/auth/roles";
import { Sidebar } from "@/components/cp/sidebar";
import { MobileNav } from "@/components/cp/mobile-nav";
import { SignOutButton } from "@/components/cp/sign-out-button";
import { TRPCReactProvider } from "@/trpc/react";
import { currentSessionUser } from "@/trpc/server";
import { signInPathForThisPage } from "@/trpc/require-operator";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  // Each page checks its own access too (requireOperator); this decides what the shell shows.
  const user = await currentSessionUser();
  if (!user) redirect(await signInPathForThisPage());
  if (!hasOperatorRole(user.role, "viewer")) {
    return (
      <main className="mx-auto max-w-lg px-6 py-24 text-center">
        <h1 className="text-2xl font-semibold">No access to the ops dashboard</h1>
        <p className="mt-3 text-slate-600">
          You are signed in as {user.email}, which has no operator role. Ask an admin to grant one.
        </p>
        <div className="mt-6 flex justify-center">
          <SignOutButton />
        </div>
      </main>
    );
  }
  return (
    <div className="flex min-h-screen">
      <aside className="hidden w-60 shrink-0 flex-col gap-8 bg-slate-900 px-3 py-5 md:flex">
        <Link href="/cp" className="flex items-center gap-2 px-3 text-white">
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-indigo-500 text-sm font-bold">E</span>
          <span className="text-lg font-semibold tracking-tight">Embark</span>
          <span className="ml-auto rounded bg-slate-800 px-1.5 py-0.5 text-[10px] font-medium uppercase text-slate-400">ops</span>
        </Link>
        <Sidebar />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex items-center justify-between border-b border-slate-200 bg-white px-6 py-3">
          <MobileNav />
          <span className="hidden text-sm text-slate-500 md:block">Embark control plane</span>
          <div className="flex items-center gap-3">
            <div className="text-right text-sm leading-tight">
              <p className="font-medium text-slate-900" data-testid="operator-name">{user.name}</p>
              <p className="text-xs text-slate-500">
                <span className="hidden sm:inline">{user.email} · </span>
                <span className="capitalize">{user.role}</span>
              </p>
            </div>
            <SignOutButton />
          </div>
        </header>
        <main className="flex-1 px-6 py-8">
          <TRPCReactProvider>{children}</TRPCReactProvider>
        </main>
      </div>
    </div>
  );
}
