// The audit trail. Every mutation writes its row through this function, inside the same transaction
// as the change itself: a change never exists without its record. The table is append-only in the
// database (a trigger refuses UPDATE and DELETE).
import type { Prisma } from "./generated/prisma/client";
import type { Role } from "./generated/prisma/enums";
import { currentClientAddress } from "./audit-context";

export interface AuditActor {
  id: string;
  displayName: string;
  role: Role;
  organizationId: string;
}

export interface AuditEntry {
  actor: AuditActor | null;
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

type AuditWriter = Pick<Prisma.TransactionClient, "auditLog">;

/** JSON-safe copy: dates become ISO strings, bigints strings, byte arrays are left out. */
function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v === "bigint") return v.toString();
      if (v instanceof Uint8Array) return `[${v.byteLength} bytes]`;
      return v;
    }),
  ) as Prisma.InputJsonValue;
}

export async function audit(tx: AuditWriter, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorName: entry.actor?.displayName ?? null,
      actorRole: entry.actor?.role ?? null,
      actorOrgId: entry.actor?.organizationId ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
      // The address given, else that of the request being served (lib/audit-context.ts).
      ip: entry.ip ?? currentClientAddress(),
    },
  });
}
