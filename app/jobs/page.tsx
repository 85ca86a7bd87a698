import { NotBuiltYet } from "@/components/shell/not-built-yet";

export default function JobsPage() {
  return <NotBuiltYet area="Jobs" plan="Strong (SFT) and weak (preference) synthesis jobs with live progress, pause, resume and cancel come next." />;
}
