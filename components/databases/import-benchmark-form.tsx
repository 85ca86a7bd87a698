"use client";

import { useState, type FormEvent } from "react";
import { useImportBenchmark } from "@/components/databases/database-queries";
import { buttonClass, cardClass, inputClass } from "@/components/shell/form-styles";
import { MutationFeedback } from "@/components/shell/mutation-feedback";
import type { ImportReport } from "@/lib/import/import-benchmark";

export function ImportBenchmarkForm() {
  const importBenchmark = useImportBenchmark();
  const [format, setFormat] = useState<"spider" | "bird">("spider");
  const [split, setSplit] = useState<"dev" | "train">("dev");
  const [dir, setDir] = useState("");
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    importBenchmark.mutate({ format, split, dir });
  };
  return (
    <form onSubmit={onSubmit} className={cardClass} aria-label="Import a benchmark">
      <h2 className="font-medium">Import a benchmark folder</h2>
      <p className="mt-1 text-xs text-slate-500">
        Spider layout (dev.json, tables.json, database/) or BIRD layout (dev.json, dev_tables.json,
        dev_databases/), on the server.
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <select
          value={format}
          onChange={(e) => setFormat(e.target.value as "spider" | "bird")}
          className={inputClass}
          aria-label="Format"
        >
          <option value="spider">Spider</option>
          <option value="bird">BIRD</option>
        </select>
        <select
          value={split}
          onChange={(e) => setSplit(e.target.value as "dev" | "train")}
          className={inputClass}
          aria-label="Split"
        >
          <option value="dev">dev</option>
          <option value="train">train</option>
        </select>
        <input
          value={dir}
          onChange={(e) => setDir(e.target.value)}
          placeholder="/path/to/spider"
          required
          className={`${inputClass} min-w-80 flex-1`}
          aria-label="Benchmark folder"
        />
        <button type="submit" className={buttonClass} disabled={importBenchmark.isPending}>
          {importBenchmark.isPending ? "Importing…" : "Import"}
        </button>
      </div>
      <MutationFeedback
        error={importBenchmark.error}
        success={importBenchmark.data ? <ImportSummary report={importBenchmark.data} /> : null}
      />
    </form>
  );
}

function ImportSummary({ report }: { report: ImportReport }) {
  const unavailable = report.databases.filter((d) => d.status === "missing" || d.status === "invalid");
  return (
    <div>
      <p>
        {report.tasksAdded} tasks added, {report.tasksSkipped} already present, over {report.databases.length}{" "}
        databases ({(report.elapsedMs / 1000).toFixed(1)} s).
      </p>
      {unavailable.map((d) => (
        <p key={d.name} className="text-amber-800">
          {d.name}: {d.status} — {d.message}
        </p>
      ))}
    </div>
  );
}
