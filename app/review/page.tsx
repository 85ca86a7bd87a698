import { NotBuiltYet } from "@/components/shell/not-built-yet";

export default function ReviewPage() {
  return <NotBuiltYet area="Review" plan="Keyboard-first review queues for SFT samples and preference pairs, with claims, execution results and undo." />;
}
