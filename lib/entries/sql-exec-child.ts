// An SQL execution child process, started by the pool (lib/sql/exec/exec-process.ts, under the
// memory and file-size caps that come as the two arguments) from source or from the compiled CLI's
// build (lib/util/child-entry.ts). It answers the pool's requests one at a time through
// createExecService (lib/sql/exec/exec-service.ts), says when it is ready, and ends when its parent
// goes away.
import { createExecService } from "@/lib/sql/exec/exec-service";
import type { ExecRequest } from "@/lib/sql/exec/exec-types";

const service = createExecService({
  memoryMb: Number(process.argv[2]) || 0,
  tempMb: Number(process.argv[3]) || 0,
});

process.on("message", (request: ExecRequest) => {
  const response = service.answer(request);
  if (response) process.send?.(response);
});

// Tell the pool this process is ready: time limits count from here, not from the fork.
process.send?.({ ready: true });

// When the app goes away, so does this process (between queries; a query in progress finishes first).
process.on("disconnect", () => process.exit(0));
