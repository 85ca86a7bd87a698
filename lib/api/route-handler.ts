import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { isAppError, forbidden, unauthorized, type AppErrorCode } from "@/lib/errors";
import { asStoreBusyError } from "@/lib/store/begin-immediate";
import { BadJsonError, DEFAULT_JSON_BODY_LIMIT, readJsonBody } from "@/lib/api/request-body";
import { authenticateRequest, refuseCrossSiteMutation } from "@/lib/auth/request-auth";
import { can, permissionMinimumRole, type Permission } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import { describeIssues } from "@/lib/util/issue-sentences";

const statusByCode: Record<AppErrorCode, number> = {
  invalid_input: 422,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unauthorized: 401,
  too_many_requests: 429,
  unavailable: 503,
  payload_too_large: 413,
};

type RouteContext = { params: Promise<Record<string, string | string[]>> };

/** Who may call a route: anyone ("public": sign-in and health only) or holders of a permission. */
export type RouteAccess = Permission | "public";

type RouteSpec<A extends RouteAccess, Q extends z.ZodType, B extends z.ZodType, P extends z.ZodType> = {
  auth: A;
  /** Only a signed-in browser, never an API token: making tokens and changing passwords (a leaked token must not mint more). */
  browserOnly?: true;
  query?: Q;
  body?: B; // JSON body; omit to read the request yourself (multipart)
  /** The largest JSON body this route reads (default 1 MB); more is refused with 413 as it streams in. */
  bodyLimitBytes?: number;
  params?: P;
};

type RouteInput<A extends RouteAccess, Q extends z.ZodType, B extends z.ZodType, P extends z.ZodType> = {
  user: A extends "public" ? SessionUser | null : SessionUser;
  query: z.infer<Q>;
  body: z.infer<B>;
  params: z.infer<P>;
  request: Request;
};

/**
 * The one wrapper every route handler goes through: checks who is asking (401 for nobody, 403
 * for a role without the permission, 403 for a cross-site mutation carrying the cookie), validates
 * query, params and JSON body with zod (the body read only up to its limit: 413 beyond), runs the
 * domain call, and maps errors (400 bad request, 4xx domain errors, 500 with an id).
 */
export function handleRoute<
  A extends RouteAccess,
  Q extends z.ZodType = z.ZodUnknown,
  B extends z.ZodType = z.ZodUnknown,
  P extends z.ZodType = z.ZodUnknown,
>(spec: RouteSpec<A, Q, B, P>, handler: (input: RouteInput<A, Q, B, P>) => Promise<unknown>) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    // what the parse that failed read: its sentences give lengths ("this one has 300"), never the text
    let parsing: unknown;
    try {
      const user = await authorize(request, spec.auth, spec.browserOnly ?? false);
      const url = new URL(request.url);
      const rawQuery = Object.fromEntries(url.searchParams);
      parsing = rawQuery;
      const query = spec.query ? spec.query.parse(rawQuery) : undefined;
      parsing = await context.params;
      const params = spec.params ? spec.params.parse(parsing) : undefined;
      const rawBody = spec.body
        ? await readJsonBody(request, spec.bodyLimitBytes ?? DEFAULT_JSON_BODY_LIMIT)
        : undefined;
      parsing = rawBody;
      const body = spec.body ? spec.body.parse(rawBody) : undefined;
      parsing = spec.body ? rawBody : rawQuery; // what a domain function's own parse most often reads
      const result = await handler({ user, query, body, params, request } as RouteInput<A, Q, B, P>);
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      return errorResponse(error, parsing);
    }
  };
}

async function authorize(
  request: Request,
  access: RouteAccess,
  browserOnly: boolean,
): Promise<SessionUser | null> {
  if (access === "public") {
    refuseCrossSiteMutation(request);
    return null;
  }
  const { user, byCookie } = await authenticateRequest(request);
  if (!user) throw unauthorized("Sign in first (or send a valid API token as Authorization: Bearer).");
  if (byCookie) refuseCrossSiteMutation(request);
  if (browserOnly && !byCookie)
    throw forbidden(
      "This needs a signed-in browser session; an API token cannot make tokens or change passwords.",
    );
  if (!can(user.role, access))
    throw forbidden(
      `Your role (${user.role}) may not do this: it needs ${permissionMinimumRole[access]} or above.`,
    );
  return user;
}

/** An error as the API's answer. `input` is what the failing validation read (for the sentences' lengths). */
export function errorResponse(error: unknown, input?: unknown): Response {
  if (error instanceof z.ZodError) {
    const issues = describeIssues(error, input);
    const message = issues.map((i) => i.message).join(" ");
    return Response.json({ error: "bad_request", message, issues }, { status: 400 });
  }
  if (error instanceof BadJsonError) {
    return Response.json(
      { error: "bad_request", message: "The request body is not valid JSON." },
      { status: 400 },
    );
  }
  error = asStoreBusyError(error) ?? error;
  if (isAppError(error)) {
    const retryAfter = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    return Response.json(
      { error: error.code, message: error.message, details: error.details ?? null },
      {
        status: statusByCode[error.code],
        headers: retryAfter ? { "retry-after": String(retryAfter) } : undefined,
      },
    );
  }
  const errorId = crypto.randomUUID();
  console.error(`[api] unexpected error ${errorId}`, error);
  return Response.json(
    { error: "internal", message: `Something went wrong (error id ${errorId}).`, errorId },
    { status: 500 },
  );
}
