import { PageHeader } from "@/components/ui/card";
import { OperatorsPanel } from "@/components/cp/operators/operators-panel";
import { hasOperatorRole } from "@/server/auth/roles";
import { requireOperator } from "@/trpc/require-operator";

export const metadata = { title: "Operators" };

export default async function OperatorsPage() {
  const me = await requireOperator();
  const canManage = hasOperatorRole(me.role, "admin");
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="Operators"
        description={
          canManage
            ? "Add viewers, operators and admins, disable them, or give them a new password. Every change is in the audit log."
            : "Who can sign in to /cp. Only admins manage operators."
        }
      />
      <OperatorsPanel canManage={canManage} selfId={me.id} />
    </div>
  );
}
