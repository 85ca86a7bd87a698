// Next.js calls register() once when the server starts: migrate the store before any request.
export async function register() {
  // NEXT_RUNTIME is set by Next itself; the store only exists in the Node.js runtime.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { keepNewFilesPrivate } = await import("@/lib/store/private-files");
  keepNewFilesPrivate(); // the store, uploads and exports the server writes are its user's only
  const { prepareStore } = await import("@/lib/store/prepare-store");
  const { applied, seeded } = await prepareStore();
  if (applied.length) console.log(`[store] applied migrations: ${applied.join(", ")}`);
  if (seeded) console.log("[store] seeded the demo database city_library");
  // start the SQL processes of the console and review now: the first people in do not wait for them
  const { execPool } = await import("@/lib/sql/exec/exec-pool");
  execPool()
    .warmUp()
    .catch((error: unknown) => console.error("[sql] could not start the SQL processes ahead of use:", error));
  const { startEmbeddedModelServer } = await import("@/lib/model-server/embedded-model-server");
  startEmbeddedModelServer().catch((error: unknown) =>
    console.error("[model-server] the stand-in model server did not start:", error),
  );
  const { startEmbeddedWorker } = await import("@/lib/jobs/embedded-worker");
  startEmbeddedWorker();
}
