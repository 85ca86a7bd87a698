"use client";

import { databaseNameSchema } from "@/lib/databases/database-name";
import { maxLengthOf } from "@/lib/util/text-limit";
import { useState, type FormEvent } from "react";
import { ApiError } from "@/components/api/fetch-json";
import { useRegisterServerPath, useUploadDatabase } from "@/components/databases/database-queries";
import { buttonClass, cardClass, inputClass } from "@/components/shell/form-styles";
import { MutationFeedback } from "@/components/shell/mutation-feedback";

const DATABASE_NAME_MAX = maxLengthOf(databaseNameSchema) ?? 64;

export function UploadDatabaseForm() {
  const upload = useUploadDatabase();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    upload.mutate(new FormData(form), { onSuccess: () => form.reset() });
  };
  return (
    // a new file or name: the last upload's message (success or error) is no longer about this form
    <form
      onSubmit={onSubmit}
      onChange={() => upload.reset()}
      className={cardClass}
      aria-label="Upload a SQLite file"
    >
      <h2 className="font-medium">Upload a SQLite file</h2>
      <div className="mt-3 flex flex-wrap items-center gap-2">
        <input
          type="file"
          name="file"
          accept=".sqlite,.sqlite3,.db"
          required
          className="text-sm text-slate-600 file:mr-3 file:rounded-md file:border-0 file:bg-slate-900 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-white hover:file:bg-slate-700"
          aria-label="SQLite file"
        />
        {/* no maxLength: the browser would cut a longer name short without a word; the server refuses it with the limit */}
        <input
          name="name"
          title={`Up to ${DATABASE_NAME_MAX} letters, digits, _ . and -`}
          placeholder="name (default: file name)"
          className={inputClass}
          aria-label="Database name"
          aria-describedby="upload-name-limit"
        />
        <button type="submit" className={buttonClass} disabled={upload.isPending}>
          {upload.isPending ? "Uploading…" : "Upload"}
        </button>
      </div>
      <p id="upload-name-limit" className="mt-1 text-xs text-slate-500">
        The name: at most {DATABASE_NAME_MAX} characters, letters, digits, _ . and -.
      </p>
      <MutationFeedback
        error={upload.error}
        success={
          upload.data
            ? `Registered ${upload.data.database.name} (${upload.data.database.tableCount} tables).`
            : null
        }
      />
    </form>
  );
}

export function RegisterServerPathForm() {
  const register = useRegisterServerPath();
  const [path, setPath] = useState("");
  const [name, setName] = useState("");
  const nameTaken = register.error instanceof ApiError && register.error.code === "conflict";
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    register.mutate(
      { path, ...(name.trim() ? { name: name.trim() } : {}) },
      {
        onSuccess: () => {
          setPath("");
          setName("");
        },
      },
    );
  };
  return (
    <form
      onSubmit={onSubmit}
      onChange={() => register.reset()}
      className={cardClass}
      aria-label="Register a file on the server"
    >
      <h2 className="font-medium">Register a file on the server</h2>
      <p className="mt-1 text-xs text-slate-500">
        Only under the folders in SENSE_IMPORT_ROOTS. A relative path is taken from the project folder, as in
        the CLI run there.
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <input
          value={path}
          onChange={(e) => setPath(e.target.value)}
          placeholder="/path/to/file.sqlite"
          required
          className={`${inputClass} min-w-80 flex-1`}
          aria-label="Server file path"
        />
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="name (default: file name)"
          className={inputClass}
          aria-label="Database name"
          aria-invalid={nameTaken || undefined}
          // a taken name: the person picks another right here
          ref={(el) => {
            if (el && nameTaken) el.focus();
          }}
        />
        <button type="submit" className={buttonClass} disabled={register.isPending}>
          Register
        </button>
      </div>
      <MutationFeedback
        error={register.error}
        success={
          register.data
            ? `Registered ${register.data.database.name} (${register.data.database.tableCount} tables).`
            : null
        }
      />
    </form>
  );
}
