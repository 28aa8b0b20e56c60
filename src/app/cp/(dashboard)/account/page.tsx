import { Card, CardHeader, PageHeader } from "@/components/ui/card";
import { ChangePasswordForm } from "@/components/cp/operators/change-password-form";
import { requireOperator } from "@/trpc/require-operator";

export const metadata = { title: "Your account" };

export default async function AccountPage() {
  const me = await requireOperator();
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeader title="Your account" description="Who you are signed in as, and your password." />
      <Card className="mb-6">
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 px-5 py-4 text-sm sm:grid-cols-3">
          <div><dt className="text-slate-500">Name</dt><dd className="font-medium">{me.name}</dd></div>
          <div><dt className="text-slate-500">Email</dt><dd className="break-all font-medium">{me.email}</dd></div>
          <div><dt className="text-slate-500">Role</dt><dd className="font-medium capitalize">{me.role}</dd></div>
        </dl>
      </Card>
      <Card>
        <CardHeader title="Change password" />
        <ChangePasswordForm />
      </Card>
    </div>
  );
}
