import { ApiTokensPanel } from "@/components/account/api-tokens-panel";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageUser } from "@/lib/auth/page-auth";
import { roleDescriptions } from "@/lib/auth/roles";
import { pageTitle } from "@/lib/auth/page-title";

export const dynamic = "force-dynamic";

export const generateMetadata = () => pageTitle("account.self", "Your account");

export default async function AccountPage() {
  const user = await requirePageUser("account.self", "/account");
  return (
    <>
      <PageHeader
        title="Your account"
        subtitle={`${user.name} · ${user.email} · ${user.role}: ${roleDescriptions[user.role]}`}
      />
      <div className="space-y-4">
        <ChangePasswordForm />
        <ApiTokensPanel />
      </div>
    </>
  );
}
