import "server-only";
import type { z } from "zod";
import type { AuditActor } from "../audit";
import type { Scope } from "../auth/policy";
import { AppError } from "../errors";
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import { fieldErrorsOf, type IssueKey } from "../schemas/field-errors";

export { fieldErrorsOf, type FieldErrors } from "../schemas/field-errors";

// The use-case kit: the pieces every use case in lib/server is built from. There is one copy of
// each, here; a use case never writes its own.
//
//   const input = parse(schema, raw);                         // zod → AppError("validation") with field errors
//   authorize(scope, "x.manage", { organizationId });         // lib/auth/policy.ts decides
//   return runTx(db, async (tx) => {                          // one transaction; unique violations → field errors
//     const row = visibleOr(await tx.x.findFirst({ where: { AND: [xWhere(scope), { id }] } })); // 404: missing or out of scope
//     …domain rule…
//     await audit(tx, { actor: await actorOf(tx, scope), … }); // the audit row in the same transaction
//   }, { uniqueFields: { Some_index_key: ["field", "fieldTaken"] } });

/** A Prisma transaction client: what every use case receives inside `runTx`. */
export type Tx = Prisma.TransactionClient;

/**
 * The schema's verdict: the parsed value, or an AppError("validation", "invalid") with field errors
 * keyed by full dotted path (lib/schemas/field-errors.ts). `keyOf` names an issue's catalogue key
 * when the schema's messages are not already keys (the rule builder's issueKey).
 */
export function parse<S extends z.ZodType>(schema: S, raw: unknown, keyOf?: IssueKey): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  throw new AppError("validation", "invalid", fieldErrorsOf(result.error, keyOf));
}

/** One field's refusal, with the catalogue key of its message. */
export function fieldError(field: string, key: string): AppError {
  return new AppError("validation", key, { [field]: [key] });
}

/** Who is acting, as the audit row records them (name snapshotted at the time of the act). */
export async function actorOf(tx: Tx, scope: Scope): Promise<AuditActor> {
  const user = await tx.user.findUnique({ where: { id: scope.user.id }, select: { displayName: true } });
  return { id: scope.user.id, role: scope.user.role, organizationId: scope.user.organizationId, displayName: user?.displayName ?? scope.user.id };
}

/**
 * A record the caller may see, or the reason they may not. Both a record outside the caller's scope
 * and one that does not exist are "notFound" (404): an answer must not tell that another bureau's
 * record exists.
 */
export function visibleOr<T>(found: T | null | undefined): T {
  if (found === null || found === undefined) throw new AppError("notFound");
  return found;
}

/** Unique index name → [field, catalogue key]: which field a unique violation belongs to. */
export type UniqueFieldMap = Record<string, readonly [field: string, key: string]>;

export function isUniqueViolation(error: unknown): error is Prisma.PrismaClientKnownRequestError {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** An exclusion-constraint violation (23P01), e.g. two dispatches of one doctor over the same days. */
export function isExclusionViolation(error: unknown, constraint?: string): boolean {
  const text = error instanceof Error ? `${error.message} ${JSON.stringify((error as { meta?: unknown }).meta ?? {})}` : "";
  if (!/23P01|exclusion constraint|conflicting key value violates exclusion/i.test(text)) return false;
  return constraint ? text.includes(constraint) : true;
}

function translateUniqueViolation(error: Prisma.PrismaClientKnownRequestError, options: RunTxOptions): AppError {
  // The driver adapter names the index (meta.driverAdapterError.cause.constraint.index).
  const text = JSON.stringify(error.meta ?? {}) + error.message;
  for (const [index, [field, key]] of Object.entries(options.uniqueFields ?? {})) {
    if (text.includes(index)) return fieldError(field, key);
  }
  return new AppError("conflict", options.conflictKey ?? "duplicate");
}

export interface RunTxOptions {
  /** Unique violations that slip past the use case's own check (two users at once) become these field errors. */
  uniqueFields?: UniqueFieldMap;
  /** The catalogue key of the 409 for any other unique violation ("duplicate" unless said). */
  conflictKey?: string;
  /** Isolation level, when the use case needs more than READ COMMITTED. */
  isolationLevel?: Prisma.TransactionIsolationLevel;
  /** Milliseconds the transaction may run (Prisma's default is 5 s). */
  timeout?: number;
}

/** The use case's one transaction. A unique violation becomes a field error (or a 409), never a 500. */
export async function runTx<T>(db: PrismaClient, fn: (tx: Tx) => Promise<T>, options: RunTxOptions = {}): Promise<T> {
  try {
    return await db.$transaction(fn, {
      ...(options.isolationLevel ? { isolationLevel: options.isolationLevel } : {}),
      ...(options.timeout ? { timeout: options.timeout } : {}),
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw translateUniqueViolation(error, options);
    throw error;
  }
}
