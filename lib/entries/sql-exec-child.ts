// An SQL execution child process, started by the pool (lib/sql/exec/exec-process.ts); for now its
// module, lib/sql/exec/exec-service.ts, still starts it as it loads.
import "@/lib/sql/exec/exec-service";
