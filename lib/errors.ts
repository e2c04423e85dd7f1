// Expected errors carry a code that the UI translates (messages: errors.<code>) and an HTTP status
// for route handlers. Anything else is unexpected: logged, and shown as errors.generic.
export type AppErrorCode = "forbidden" | "notFound" | "validation" | "conflict" | "deadlinePassed" | "unauthenticated";

const statusOf: Record<AppErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  validation: 422,
  conflict: 409,
  deadlinePassed: 409,
};

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly status: number;
  readonly fieldErrors?: Record<string, string[]>;
  /** Values the translated message needs (a deadline, a cap), as strings: `{ closesAt: "2013-11-11T04:00:00.000Z" }`. */
  readonly details?: Record<string, string>;

  constructor(code: AppErrorCode, message?: string, fieldErrors?: Record<string, string[]>, details?: Record<string, string>) {
    super(message ?? code);
    this.name = "AppError";
    this.code = code;
    this.status = statusOf[code];
    this.fieldErrors = fieldErrors;
    this.details = details;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
