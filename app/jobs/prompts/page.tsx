import { PageHeader } from "@/components/shell/page-header";
import { listPromptFiles } from "@/lib/synthesis/prompt-files";
import { requirePageUser } from "@/lib/auth/page-auth";
import { pageTitle } from "@/lib/auth/page-title";

export const dynamic = "force-dynamic";

export const generateMetadata = () => pageTitle("jobs.manage", "Prompts");

export default async function PromptsPage() {
  await requirePageUser("jobs.manage", "/jobs/prompts");
  const prompts = listPromptFiles();
  return (
    <>
      <PageHeader
        title="Prompts"
        subtitle="The prompt files synthesis jobs send (lib/synthesis/prompts/). A job records the versions it started with."
      />
      <div className="space-y-4">
        {prompts.map((p) => (
          <section
            key={p.id}
            aria-label={`Prompt ${p.id}`}
            className="rounded-lg border border-slate-200 bg-white p-4"
          >
            <h2 className="font-mono text-sm font-medium">
              {p.name} <span className="text-slate-500">v{p.version}</span>
            </h2>
            <h3 className="mt-2 text-xs font-medium uppercase text-slate-500">System</h3>
            <pre className="mt-1 whitespace-pre-wrap rounded bg-slate-50 p-2 text-xs">{p.system}</pre>
            <h3 className="mt-2 text-xs font-medium uppercase text-slate-500">User</h3>
            <pre className="mt-1 whitespace-pre-wrap rounded bg-slate-50 p-2 text-xs">{p.user}</pre>
          </section>
        ))}
      </div>
    </>
  );
}
