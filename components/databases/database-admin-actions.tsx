"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ApiError } from "@/components/api/fetch-json";
import {
  useDeleteDatabase,
  useDeletionPreview,
  useRenameDatabase,
} from "@/components/databases/database-queries";
import { DeleteDatabaseConfirm } from "@/components/databases/delete-database-confirm";
import { buttonClass, cardClass, inputClass } from "@/components/shell/form-styles";
import { MutationFeedback } from "@/components/shell/mutation-feedback";
import { CharacterCount } from "@/components/shell/character-count";
import { databaseNameSchema } from "@/lib/databases/database-name";
import { maxLengthOf } from "@/lib/util/text-limit";

const DATABASE_NAME_MAX = maxLengthOf(databaseNameSchema) ?? 64;

/** An admin's rename and delete of one database (the server refuses them while jobs use it). */
export function DatabaseAdminActions({ name }: { name: string }) {
  return (
    <section aria-label="Manage this database" className={`${cardClass} mt-8 space-y-4`}>
      <h2 className="font-medium">Manage this database</h2>
      <RenameForm name={name} />
      <DeleteControl name={name} />
    </section>
  );
}

function RenameForm({ name }: { name: string }) {
  const router = useRouter();
  const rename = useRenameDatabase();
  const [newName, setNewName] = useState(name);
  const taken = rename.error instanceof ApiError && rename.error.code === "conflict";
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate(
      { name, newName: newName.trim() },
      { onSuccess: (data) => router.replace(`/databases/${encodeURIComponent(data.database.name)}`) },
    );
  };
  return (
    <form onSubmit={onSubmit} onChange={() => rename.reset()} aria-label="Rename the database">
      <div className="flex flex-wrap items-center gap-2">
        <label className="text-sm text-slate-600" htmlFor="rename-database">
          New name
        </label>
        <input
          id="rename-database"
          value={newName}
          onChange={(e) => setNewName(e.target.value)}
          required
          maxLength={DATABASE_NAME_MAX}
          aria-describedby="rename-database-limit"
          className={inputClass}
          aria-invalid={taken || undefined}
        />
        <button type="submit" className={buttonClass} disabled={rename.isPending || newName.trim() === name}>
          {rename.isPending ? "Renaming…" : "Rename"}
        </button>
      </div>
      <p id="rename-database-limit" className="mt-1 text-xs text-slate-500">
        At most {DATABASE_NAME_MAX} characters, letters, digits, _ . and -:{" "}
        <CharacterCount value={newName} max={DATABASE_NAME_MAX} />
      </p>
      <MutationFeedback error={rename.error} />
    </form>
  );
}

function DeleteControl({ name }: { name: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const preview = useDeletionPreview(name, open);
  const remove = useDeleteDatabase();
  return (
    <div>
      {!open ? (
        <button
          type="button"
          className="rounded-md border border-red-300 px-3 py-1.5 text-sm font-medium text-red-700 hover:bg-red-50"
          onClick={() => setOpen(true)}
        >
          Delete database…
        </button>
      ) : (
        <DeleteDatabaseConfirm
          name={name}
          preview={preview.data}
          previewError={preview.error}
          deleting={remove.isPending}
          onCancel={() => {
            setOpen(false);
            remove.reset();
          }}
          onConfirm={() => remove.mutate(name, { onSuccess: () => router.push("/databases") })}
        />
      )}
      <MutationFeedback error={remove.error} />
    </div>
  );
}
