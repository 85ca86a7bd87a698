import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { isAppError, type AppErrorCode } from "@/lib/errors";

const statusByCode: Record<AppErrorCode, number> = {
  invalid_input: 422,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unauthorized: 401,
};

type RouteContext = { params: Promise<Record<string, string | string[]>> };

type RouteSpec<Q extends z.ZodType, B extends z.ZodType, P extends z.ZodType> = {
  query?: Q;
  body?: B; // JSON body; omit to read the request yourself (multipart)
  params?: P;
};

type RouteInput<Q extends z.ZodType, B extends z.ZodType, P extends z.ZodType> = {
  query: z.infer<Q>;
  body: z.infer<B>;
  params: z.infer<P>;
  request: Request;
};

/**
 * The one wrapper every route handler goes through: validates query, params and JSON body with
 * zod, runs the domain call, and maps errors (400 bad request, 4xx domain errors, 500 with an id).
 */
export function handleRoute<
  Q extends z.ZodType = z.ZodUnknown,
  B extends z.ZodType = z.ZodUnknown,
  P extends z.ZodType = z.ZodUnknown,
>(spec: RouteSpec<Q, B, P>, handler: (input: RouteInput<Q, B, P>) => Promise<unknown>) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      const url = new URL(request.url);
      const query = spec.query ? spec.query.parse(Object.fromEntries(url.searchParams)) : undefined;
      const params = spec.params ? spec.params.parse(await context.params) : undefined;
      const body = spec.body ? spec.body.parse(await readJson(request)) : undefined;
      const result = await handler({ query, body, params, request } as RouteInput<Q, B, P>);
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new BadJsonError();
  }
}

class BadJsonError extends Error {}

export function errorResponse(error: unknown): Response {
  if (error instanceof z.ZodError) {
    const issues = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
    return Response.json({ error: "bad_request", message, issues }, { status: 400 });
  }
  if (error instanceof BadJsonError) {
    return Response.json({ error: "bad_request", message: "The request body is not valid JSON." }, { status: 400 });
  }
  if (isAppError(error)) {
    return Response.json(
      { error: error.code, message: error.message, details: error.details ?? null },
      { status: statusByCode[error.code] },
    );
  }
  const errorId = crypto.randomUUID();
  console.error(`[api] unexpected error ${errorId}`, error);
  return Response.json({ error: "internal", message: `Something went wrong (error id ${errorId}).`, errorId }, { status: 500 });
}
