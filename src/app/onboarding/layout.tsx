import type { Metadata } from "next";
import { TRPCReactProvider } from "@/trpc/react";

export const metadata: Metadata = {
  title: "Get started",
  description: "Create your platform on Embark: sign in with an emailed code, name it, pick a plan, and watch it being set up.",
};

export default function OnboardingLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <TRPCReactProvider>{children}</TRPCReactProvider>
    </div>
  );
}
