import { NotBuiltYet } from "@/components/shell/not-built-yet";

export default function ExportsPage() {
  return <NotBuiltYet area="Exports" plan="Streaming exports to TRL, LLaMA-Factory and OpenAI fine-tuning formats, with a manifest for each file." />;
}
