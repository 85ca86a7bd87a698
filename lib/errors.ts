// Domain errors. Route handlers and the CLI map them to status codes / exit codes in one place.
export type AppErrorCode =
  | "invalid_input"
  | "not_found"
  | "conflict"
  | "forbidden"
  | "unauthorized"
  | "too_many_requests"
  | "unavailable"
  | "payload_too_large";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const invalidInput = (message: string, details?: unknown) =>
  new AppError("invalid_input", message, details);
export const notFound = (message: string) => new AppError("not_found", message);
export const conflict = (message: string) => new AppError("conflict", message);
export const forbidden = (message: string) => new AppError("forbidden", message);
export const unauthorized = (message: string) => new AppError("unauthorized", message);
export const unavailable = (message: string, retryAfterSeconds: number) =>
  new AppError("unavailable", message, { retryAfterSeconds });
export const payloadTooLarge = (message: string, limitBytes: number) =>
  new AppError("payload_too_large", message, { limitBytes });
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new AppError("too_many_requests", message, { retryAfterSeconds });

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
