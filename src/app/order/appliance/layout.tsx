import type { Metadata } from "next";
import Link from "next/link";
import { TRPCReactProvider } from "@/trpc/react";

export const metadata: Metadata = {
  title: { default: "Order the appliance", template: "%s · Embark appliance" },
  description: "Run Embark on your own hardware: register, get an install code and the ISO, install.",
};

export default function ApplianceOrderLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl items-center justify-between px-4 py-3">
          <Link href="/order/appliance" className="text-base font-semibold tracking-tight text-slate-900">Embark appliance</Link>
          <Link href="/order/appliance/reissue" className="text-sm text-indigo-700 hover:underline">Lost your code?</Link>
        </div>
      </header>
      <main className="mx-auto w-full max-w-3xl flex-1 px-4 py-8">
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </main>
    </div>
  );
}
