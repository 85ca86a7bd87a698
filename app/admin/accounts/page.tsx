import { AccountsTable } from "@/components/admin/accounts-table";
import { LockoutsTable } from "@/components/admin/lockouts-table";
import { NewAccountForm } from "@/components/admin/new-account-form";
import { PageHeader } from "@/components/shell/page-header";
import { requirePageUser } from "@/lib/auth/page-auth";
import { pageTitle } from "@/lib/auth/page-title";

export const dynamic = "force-dynamic";

export const generateMetadata = () => pageTitle("accounts.manage", "Accounts");

export default async function AccountsPage() {
  const user = await requirePageUser("accounts.manage", "/admin/accounts");
  return (
    <>
      <PageHeader
        title="Accounts"
        subtitle="Who may use Sense Studio and what each may do. A disabled account is signed out at once and its tokens stop working."
      />
      <div className="space-y-4">
        <NewAccountForm />
        <AccountsTable selfId={user.id} />
        <LockoutsTable />
      </div>
    </>
  );
}
