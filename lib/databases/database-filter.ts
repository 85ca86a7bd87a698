import "server-only";
import { databaseExists } from "@/lib/databases/read-databases";
import { quoteShort } from "@/lib/util/field-labels";
import type { PageParams } from "@/lib/util/page-params";

// A filter by database names one of the store's databases; a name it does not have matches
// nothing, which a person would read as "nothing to do" rather than as their typo. Pages leave such
// a filter out and say so (as they do with any bad filter value, lib/util/page-params.ts); an
// export naming one is refused with the same words.

/** Why `name` cannot be a database filter, or null when the store has a database of that name (or none is named). */
export async function unknownDatabaseFilter(name: string | undefined): Promise<string | null> {
  if (name === undefined || (await databaseExists(name))) return null;
  return `The “database” parameter names no database in the store (not ${quoteShort(name)}).`;
}

/** The page's parameters without a database filter that names no database, and the sentence that says so. */
export async function dropUnknownDatabase<T extends { database?: string }>(
  params: PageParams<T>,
): Promise<PageParams<T>> {
  if (!params.ok) return params;
  const problem = await unknownDatabaseFilter(params.values.database);
  if (!problem) return params;
  const { database: _database, ...raw } = params.raw;
  return {
    ok: true,
    values: { ...params.values, database: undefined },
    raw,
    dropped: [...params.dropped, problem],
  };
}
