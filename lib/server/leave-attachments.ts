import "server-only";
import { audit } from "../audit";
import { authorize, dispatchWhere, type Scope } from "../auth/policy";
import { AppError } from "../errors";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { leaveAttachmentInputSchema } from "../schemas/attachments";
import { runWithStoredFile } from "./attachments";
import { actorOf, fieldError, parse, visibleOr } from "./kit";

// A leave request's certificates (a sick note, a hospital's letter): the doctor attaches them to
// their own request while it waits or after it is approved; whoever sees the dispatch — the
// receiving supervisor and the bureau who decide it — reads them. The file is checked, stored and
// hashed exactly as an application's documents (lib/server/attachments.ts).

export const leaveAttachmentSelect = {
  id: true,
  leaveRequestId: true,
  kind: true,
  fileName: true,
  contentType: true,
  sizeBytes: true,
  sha256: true,
  createdAt: true,
  uploadedBy: { select: { displayName: true } },
} as const satisfies Prisma.AttachmentSelect;
export type LeaveAttachmentMeta = Prisma.AttachmentGetPayload<{ select: typeof leaveAttachmentSelect }>;

/** At most this many certificates on one request. */
export const MAX_LEAVE_ATTACHMENTS = 5;
const ATTACHABLE = new Set(["PENDING_SUPERVISOR", "PENDING_BUREAU", "APPROVED"]);

/** The doctor attaches a certificate to their own leave request. */
export async function uploadLeaveAttachment(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<LeaveAttachmentMeta> {
  authorize(scope, "service.file");
  const input = parse(leaveAttachmentInputSchema, raw);
  return runWithStoredFile(db, now, async (tx, store) => {
    await tx.$queryRaw`SELECT id FROM "LeaveRequest" WHERE id = ${input.leaveRequestId} FOR UPDATE`;
    const leave = visibleOr(
      await tx.leaveRequest.findFirst({
        where: { id: input.leaveRequestId, dispatch: { AND: [dispatchWhere(scope), { doctorId: scope.user.doctorId ?? "-" }] } },
        select: { id: true, status: true, dispatch: { select: { doctorId: true } }, _count: { select: { attachments: true } } },
      }),
    );
    if (!ATTACHABLE.has(leave.status)) throw new AppError("conflict", "leaveClosed");
    if (leave._count.attachments >= MAX_LEAVE_ATTACHMENTS) throw fieldError("file", "tooManyFiles");
    const file = await store(input);
    const created = await tx.attachment.create({
      data: { leaveRequestId: leave.id, doctorId: leave.dispatch.doctorId, kind: "LEAVE_CERTIFICATE", ...file, uploadedById: scope.user.id, createdAt: now },
      select: leaveAttachmentSelect,
    });
    await audit(tx, { actor: await actorOf(tx, scope), action: "attachment.upload", entity: "Attachment", entityId: created.id, after: { ...created, storage: file.storageKey ? "disk" : "database" } });
    return created;
  });
}

/** A leave request's certificates, oldest first, for whoever may see its dispatch. */
export async function listLeaveAttachments(db: PrismaClient, scope: Scope, leaveRequestId: string): Promise<LeaveAttachmentMeta[]> {
  authorize(scope, "dispatch.read");
  visibleOr(await db.leaveRequest.findFirst({ where: { id: leaveRequestId, dispatch: dispatchWhere(scope) }, select: { id: true } }));
  return db.attachment.findMany({ where: { leaveRequestId }, select: leaveAttachmentSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}
