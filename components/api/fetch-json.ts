/** An error answered by our API, with the server's message (which names what was wrong). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The one fetcher for the API: JSON in, JSON out, errors as ApiError. */
export async function fetchJson<T>(url: string, init?: RequestInit & { json?: unknown }): Promise<T> {
  const { json, ...rest } = init ?? {};
  const response = await fetch(url, {
    ...rest,
    headers: json === undefined ? rest.headers : { "content-type": "application/json", ...rest.headers },
    body: json === undefined ? rest.body : JSON.stringify(json),
  });
  const payload = (await response.json().catch(() => null)) as { message?: string; error?: string } | null;
  if (response.status === 401 && !url.startsWith("/api/auth/sign-in") && typeof window !== "undefined") {
    // the session ended (expired, signed out elsewhere, account disabled): sign in again and come back,
    // with a full load so the root layout renders for whoever signs in
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign(
      `/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`,
    );
  }
  if (!response.ok) {
    throw new ApiError(
      payload?.message ?? `Request failed (${response.status})`,
      response.status,
      payload?.error ?? "unknown",
    );
  }
  return payload as T;
}
