import type { Metadata } from "next";
import { TRPCReactProvider } from "@/trpc/react";

export const metadata: Metadata = { title: { default: "Settings", template: "%s · Embark" } };

export default function SettingsLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl items-center justify-between px-4 py-3 sm:px-6">
          <a href="/onboarding" className="text-lg font-semibold tracking-tight text-slate-900">Embark</a>
          <span className="text-sm text-slate-500">Settings</span>
        </div>
      </header>
      <TRPCReactProvider>{children}</TRPCReactProvider>
    </div>
  );
}
