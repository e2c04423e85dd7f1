import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { ZodError } from "zod";
import { authorize, type Permission, type Scope } from "../auth/policy";
import { getSessionUser, type SessionUser } from "../auth/session";
import { prisma } from "../db";
import { apiErrorBody, localeOfAcceptLanguage } from "../api/error-text";
import { AppError, isAppError } from "../errors";
import { audit } from "../audit";
import { withClientAddress } from "../audit-context";
import { authenticateBearer } from "./api-tokens";
import { fieldErrorsOf, type FieldErrors } from "./kit";
import { BEARER_FAILURES_PER_ADDRESS, countAttempt, isOverLimit } from "./attempts";
import { clientAddress } from "./client-address";
import { findHostileValue, isDatabaseInputRefusal, jsonDepthExceeds } from "./hostile-input";
import { loadScope } from "./scope";
import { originVerdict, WRITE_METHODS } from "../http/same-origin";

export interface RouteContext<P> {
  request: NextRequest;
  user: SessionUser;
  scope: Scope;
  params: P;
  /** How the caller proved who they are: the browser's session or an API token. */
  via: "session" | "token";
}

/**
 * What a route requires: a permission of the policy, or "signedIn" (any authenticated caller; only
 * for answers that reveal nothing, such as the JSON 404 of unknown /api/v1 paths).
 */
export type RoutePermission = Permission | "signedIn";

/** A request the server cannot read (malformed JSON body): 400. `key` is its catalogue key (errors.badJson). */
export class BadRequestError extends Error {
  constructor(key: string) {
    super(key);
    this.name = "BadRequestError";
  }
}

/**
 * `{ error: { code, key, message, fieldErrors?, fieldErrorKeys?, details? } }`: the catalogue keys
 * (`key`, `fieldErrorKeys`) for programs, the same in words in the caller's language (Accept-Language,
 * zh-CN by default) for people (`message`, `fieldErrors`).
 */
export async function errorResponse(request: NextRequest, status: number, code: string, key: string, fieldErrors?: FieldErrors, details?: Record<string, string>) {
  const error = await apiErrorBody(localeOfAcceptLanguage(request.headers.get("accept-language")), request.nextUrl.pathname, { code, key, fieldErrors, details });
  return NextResponse.json({ error }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * The request's JSON body; anything else is a 400 (a wrong shape is the schema's 422). Nesting
 * deeper than MAX_JSON_DEPTH is refused before parsing (400), a NUL byte or lone surrogate in any
 * string or key after it (422, at its field).
 */
export async function readJsonBody(request: NextRequest): Promise<unknown> {
  const text = await request.text();
  if (jsonDepthExceeds(text)) throw new BadRequestError("tooDeep");
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    throw new BadRequestError("badJson");
  }
  const hostile = findHostileValue(body);
  if (hostile) throw new AppError("validation", "invalidCharacters", { [hostile]: ["invalidCharacters"] });
  return body;
}

/**
 * A write that takes no body (a button's action: deactivate, duplicate…) accepts none or `{}`; anything
 * else is refused as a body it would have ignored: 400 (a NUL byte or broken character in it 422, as in any body).
 */
async function refuseUnexpectedBody(request: NextRequest): Promise<void> {
  const text = await request.clone().text();
  if (!text.trim()) return;
  const body = await readJsonBody(request);
  const empty = typeof body === "object" && body !== null && !Array.isArray(body) && Object.keys(body).length === 0;
  if (!empty) throw new BadRequestError("noBodyExpected");
}

/** A path parameter or query value with NUL or a lone surrogate: refused before anything reads it. */
function hostileRequestPart(request: NextRequest, params: unknown): boolean {
  if (findHostileValue(params)) return true;
  for (const [key, value] of request.nextUrl.searchParams) if (findHostileValue(key) || findHostileValue(value)) return true;
  return false;
}

type Caller = { user: SessionUser; via: "session" | "token" } | "invalid" | { throttled: number } | null;

/**
 * `Authorization: Bearer <token>` → the token's account; "invalid" when a bearer token is given but
 * not accepted. Failed guesses are counted per client address in PostgreSQL: past the limit every
 * bearer request from that address is refused (429) before any token is looked up, and audited.
 */
async function callerOf(request: NextRequest): Promise<Caller> {
  const header = request.headers.get("authorization");
  if (header !== null) {
    const ip = clientAddress(request.headers);
    const limited = await isOverLimit(prisma, BEARER_FAILURES_PER_ADDRESS, ip ?? "unknown");
    if (!limited.allowed) {
      await audit(prisma, { actor: null, action: "auth.token_throttled", entity: "ApiToken", after: { retryAfterSeconds: limited.retryAfterSeconds }, ip });
      return { throttled: limited.retryAfterSeconds };
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const user = match ? await authenticateBearer(prisma, match[1]!) : null;
    if (user) return { user, via: "token" };
    const verdict = await countAttempt(prisma, BEARER_FAILURES_PER_ADDRESS, ip ?? "unknown");
    if (!verdict.allowed) {
      await audit(prisma, { actor: null, action: "auth.token_throttled", entity: "ApiToken", after: { retryAfterSeconds: verdict.retryAfterSeconds }, ip });
      return { throttled: verdict.retryAfterSeconds };
    }
    return "invalid";
  }
  const user = await getSessionUser();
  return user ? { user, via: "session" } : null;
}

/**
 * Cross-site request forgery: a write (POST, PUT, PATCH, DELETE) carrying the browser's session must
 * come from this site's own pages — a same-origin `Origin`, which browsers always send on such
 * requests (403 otherwise) — with its body in the route's format (415 otherwise): JSON, or
 * multipart/form-data for an upload. Another site's page can send neither a JSON body nor a
 * same-origin Origin without the browser's consent. Bearer tokens are not sent by browsers on
 * their own, so token callers are exempt.
 */
async function refusedCookieWrite(request: NextRequest, body: "json" | "multipart"): Promise<Response | null> {
  if (!WRITE_METHODS.has(request.method.toUpperCase())) return null;
  if (originVerdict(request.headers) !== "same") return errorResponse(request, 403, "forbidden", "crossSiteRefused");
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== (body === "json" ? "application/json" : "multipart/form-data")) return errorResponse(request, 415, "unsupportedMediaType", body === "json" ? "jsonRequired" : "notMultipart");
  return null;
}

/**
 * The only way to define a route handler: the caller — signed in, or with a bearer token issued to
 * an account — must hold `permission`; expected errors become JSON `{ error: { code, message,
 * fieldErrors? } }` with their status (a schema's refusal 422, a malformed body 400), anything else a
 * logged 500 without details. Never an HTML page.
 */
export function apiRoute<P = Record<string, never>>(
  /**
   * `body`: what a write takes (JSON unless "multipart"), enforced for session callers (refusedCookieWrite);
   * "none" for a write without one (a JSON content type is still what a session caller must send).
   * `passwordChangePending: "allowed"`: the one route a session whose password must change may use (changing it).
   */
  options: { permission: RoutePermission; body?: "json" | "multipart" | "none"; passwordChangePending?: "allowed" },
  handler: (context: RouteContext<P>) => Promise<Response>,
) {
  // Everything the route writes to the audit carries the caller's address (lib/audit-context.ts).
  return (request: NextRequest, context: { params: Promise<P> }): Promise<Response> => withClientAddress(clientAddress(request.headers), async () => {
    try {
      if (hostileRequestPart(request, await context.params)) return errorResponse(request, 400, "badRequest", "invalidCharacters");
      const caller = await callerOf(request);
      if (caller === "invalid") return errorResponse(request, 401, "unauthenticated", "tokenInvalid");
      if (caller && "throttled" in caller) {
        const response = await errorResponse(request, 429, "tooManyRequests", "tooManyTokenGuesses");
        response.headers.set("Retry-After", String(caller.throttled));
        return response;
      }
      if (!caller) return errorResponse(request, 401, "unauthenticated", "unauthenticated");
      const { user, via } = caller;
      if (via === "session") {
        const refused = await refusedCookieWrite(request, options.body === "multipart" ? "multipart" : "json");
        if (refused) return refused;
      }
      // Integration accounts never sign in, so their generated password is never changed: a token is enough.
      if (via === "session" && user.mustChangePassword && options.passwordChangePending !== "allowed") return errorResponse(request, 403, "forbidden", "mustChangePassword");
      const scope = await loadScope(user);
      if (options.permission !== "signedIn") authorize(scope, options.permission);
      if (options.body === "none") await refuseUnexpectedBody(request);
      return await handler({ request, user, scope, params: await context.params, via });
    } catch (error) {
      return failureResponse(request, error);
    }
  });
}

/** Expected errors as JSON with their status; anything else a logged 500 without details. */
function failureResponse(request: NextRequest, error: unknown): Promise<Response> {
  if (isAppError(error)) return errorResponse(request, error.status, error.code, error.message, error.fieldErrors, error.details);
  if (error instanceof ZodError) return errorResponse(request, 422, "validation", "validation", fieldErrorsOf(error));
  if (error instanceof BadRequestError) return errorResponse(request, 400, "badRequest", error.message);
  // The net under the schemas: a value PostgreSQL cannot store is the caller's mistake, not a 500.
  if (isDatabaseInputRefusal(error)) return errorResponse(request, 400, "badRequest", "invalidCharacters");
  console.error("[route] unexpected error", error);
  return errorResponse(request, 500, "generic", "generic");
}

/**
 * The only other way to define a route handler: for a rater without an account, whose credential is
 * the single-use link's token in the path. No session is read; the use case (lib/server/rater-links.ts)
 * checks the token — unknown (counted per address), used, revoked, expired — before anything else.
 */
export function raterLinkRoute(handler: (context: { request: NextRequest; token: string; address: string | null }) => Promise<Response>) {
  return (request: NextRequest, context: { params: Promise<{ token: string }> }): Promise<Response> => withClientAddress(clientAddress(request.headers), async () => {
    try {
      const params = await context.params;
      if (hostileRequestPart(request, params)) return errorResponse(request, 400, "badRequest", "invalidCharacters");
      return await handler({ request, token: params.token, address: clientAddress(request.headers) });
    } catch (error) {
      return failureResponse(request, error);
    }
  });
}
