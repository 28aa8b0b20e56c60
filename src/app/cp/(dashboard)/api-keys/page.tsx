import { PageHeader } from "@/components/ui/card";
import { ApiKeysPanel } from "@/components/cp/api-keys-panel";
import { API_KEY_SCOPES } from "@/server/services/api-keys/scopes";
import { requireOperator } from "@/trpc/require-operator";

export const metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const me = await requireOperator();
  return (
    <div className="mx-auto max-w-6xl">
      <PageHeader
        title="API keys"
        description="Named keys for internal callers (workflows, tooling). Each key holds scopes; Embark keeps only a hash, so a key is shown once."
      />
      <ApiKeysPanel scopes={[...API_KEY_SCOPES]} canManage={me.role === "admin"} />
    </div>
  );
}
