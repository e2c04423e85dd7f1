import "server-only";
import type { z } from "zod";
import type { AuditActor } from "../audit";
import { authorize, type Scope } from "../auth/policy";
import { AppError } from "../errors";
import type { Prisma, PrismaClient } from "../generated/prisma/client";

// What the programme and post use cases share: input parsing into field errors, the audit actor,
// and loading a programme for a change with its owner derived from the record.

export type Tx = Prisma.TransactionClient;

/** The schema's verdict as an AppError: field errors keyed by dotted path, messages being catalogue keys. */
export function parse<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.length ? issue.path.map(String).join(".") : "_form";
    (fieldErrors[field] ??= []).push(issue.message);
  }
  throw new AppError("validation", "invalid", fieldErrors);
}

export function fieldError(field: string, key: string): AppError {
  return new AppError("validation", key, { [field]: [key] });
}

export async function actorOf(tx: Tx, scope: Scope): Promise<AuditActor> {
  const user = await tx.user.findUnique({ where: { id: scope.user.id }, select: { displayName: true } });
  return { id: scope.user.id, role: scope.user.role, organizationId: scope.user.organizationId, displayName: user?.displayName ?? scope.user.id };
}

export const programSnapshotSelect = {
  id: true,
  bureauId: true,
  kind: true,
  name: true,
  year: true,
  batchNumber: true,
  status: true,
  serviceMonths: true,
  rotationBatches: true,
  description: true,
} as const satisfies Prisma.ProgramSelect;

export type ProgramSnapshot = Prisma.ProgramGetPayload<{ select: typeof programSnapshotSelect }>;

/**
 * The programme by id, locked for the rest of the transaction (two officers changing its status at
 * once see each other's change), and only if the user may manage it: the owner is the programme's
 * bureau, read from the row. Unknown ids are "not found"; another bureau's programme is forbidden.
 */
export async function loadProgramForChange(tx: Tx, scope: Scope, id: string): Promise<ProgramSnapshot> {
  await tx.$queryRaw`SELECT id FROM "Program" WHERE id = ${id} FOR UPDATE`;
  const program = await tx.program.findUnique({ where: { id }, select: programSnapshotSelect });
  if (!program) throw new AppError("notFound");
  authorize(scope, "program.manage", { organizationId: program.bureauId });
  return program;
}

export function runTx<T>(db: PrismaClient, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.$transaction(fn);
}
