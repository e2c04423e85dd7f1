// A leave request's certificates on real PostgreSQL, on the demo's Wanzhou cohort: wz-doctor (谭晓宇,
// at 分水) files sick leave and attaches a sick note; the file is judged by its bytes, kept with its
// SHA-256 and read back checked; wz-receiver (分水's supervisor, the approver) and the bureau list and
// read it; another centre's supervisor and another doctor do not; other roles cannot attach; a closed
// request takes none; at most five. Then the /api/v1 route (multipart) with its schema.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "@/lib/auth/policy";
import { shanghaiDay } from "@/lib/domain/dispatch";
import { addDays } from "@/lib/domain/service-period";
import { leaveAttachmentSchema } from "@/lib/schemas/attachments";
import { issueApiToken } from "@/lib/server/api-tokens";
import { readAttachment } from "@/lib/server/attachments";
import { cancelLeave, fileLeave } from "@/lib/server/leave";
import { dispatchLeave } from "@/lib/server/leave-queries";
import { listLeaveAttachments, uploadLeaveAttachment } from "@/lib/server/leave-attachments";
import { buildScope } from "@/lib/server/organization-tree";
import { seedDemoData } from "@/prisma/seed";
import { seedServiceCohort } from "@/prisma/seed/service-cohort";
import type { PrismaClient } from "@/lib/prisma";
import { createTestDatabase, type TestDatabase } from "./setup/db";
import { expectRefused, refusal } from "./setup/vetting-fixtures";

let db: TestDatabase;
const s: Record<string, Scope> = {};
let dispatchId = "";
let leaveId = "";
const today = shanghaiDay(new Date());
const pdf = () => new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const note = (extra: Record<string, unknown> = {}) => ({ leaveRequestId: leaveId, fileName: "病假条.pdf", declaredType: "application/pdf", bytes: pdf(), ...extra });

async function counts(prisma: PrismaClient) {
  const [row] = await prisma.$queryRaw<Record<string, bigint>[]>`SELECT (SELECT count(*) FROM "Attachment") AS files, (SELECT count(*) FROM "AuditLog") AS audits`;
  return row;
}

const refused = (act: () => Promise<unknown>, code: string, message?: string) => expectRefused(db.prisma, act, code, message, counts);

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { prisma?: unknown }).prisma = db.prisma;
  await seedDemoData(db.prisma);
  await seedServiceCohort(db.prisma);
  for (const username of ["wz-doctor", "wz-receiver", "wz-admin", "doctor", "nominator", "admin"]) s[username] = await buildScope(db.prisma, await db.prisma.user.findUniqueOrThrow({ where: { username } }));
  dispatchId = (await db.prisma.dispatch.findFirstOrThrow({ where: { doctorId: s["wz-doctor"]!.user.doctorId! }, select: { id: true } })).id;
  const lj = await db.prisma.organization.findFirstOrThrow({ where: { name: "重庆市万州区龙驹镇中心卫生院" }, select: { id: true } });
  s.lj = await buildScope(db.prisma, await db.prisma.user.create({ data: { username: "lj-receiver", displayName: "龙驹主管", role: "RECEIVING_SUPERVISOR", organizationId: lj.id, passwordHash: "x" } }));
  const leave = await fileLeave(db.prisma, s["wz-doctor"]!, { dispatchId, kind: "SICK", startDate: addDays(today, 3), endDate: addDays(today, 4), reason: "急性肠胃炎，医院建议休息两天。" });
  leaveId = leave.id;
}, 180_000);

afterAll(async () => {
  await db?.drop();
});

describe("a sick note on a leave request", () => {
  it("the doctor attaches it: LEAVE_CERTIFICATE, its SHA-256 kept, an audit row; the approver lists and reads it", async () => {
    const meta = await uploadLeaveAttachment(db.prisma, s["wz-doctor"]!, note());
    expect(meta).toMatchObject({ leaveRequestId: leaveId, kind: "LEAVE_CERTIFICATE", contentType: "application/pdf", fileName: "病假条.pdf", sizeBytes: pdf().length });
    expect(meta.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await db.prisma.auditLog.findMany({ where: { entityId: meta.id } })).map((r) => r.action)).toEqual(["attachment.upload"]);
    for (const who of ["wz-receiver", "wz-admin", "wz-doctor"]) {
      expect((await listLeaveAttachments(db.prisma, s[who]!, leaveId)).map((a) => a.id), who).toEqual([meta.id]);
      const file = await readAttachment(db.prisma, s[who]!, meta.id);
      expect(file.safeContentType).toBe("application/pdf");
      expect(Buffer.from(file.bytes).equals(Buffer.from(pdf()))).toBe(true);
    }
    const onPage = await dispatchLeave(db.prisma, s["wz-receiver"]!, dispatchId);
    expect(onPage.leaves.find((l) => l.id === leaveId)).toMatchObject({ attachments: [{ id: meta.id, fileName: "病假条.pdf" }], can: { approve: true, attach: false } });
    expect((await dispatchLeave(db.prisma, s["wz-doctor"]!, dispatchId)).leaves.find((l) => l.id === leaveId)?.can.attach).toBe(true);
  });

  it("another centre's supervisor and another doctor neither list nor read it", async () => {
    const [file] = await listLeaveAttachments(db.prisma, s["wz-receiver"]!, leaveId);
    for (const who of ["lj", "doctor"]) {
      await refused(() => listLeaveAttachments(db.prisma, s[who]!, leaveId), "notFound");
      expect((await refusal(readAttachment(db.prisma, s[who]!, file!.id))).code, who).toBe("notFound"); // out of scope: as a missing one (issue 12)
    }
  });

  it("a file that is not what it says, another doctor, other roles, and a withdrawn request are refused; nothing written", async () => {
    expect((await refused(() => uploadLeaveAttachment(db.prisma, s["wz-doctor"]!, note({ fileName: "note.exe", declaredType: "application/octet-stream", bytes: new Uint8Array([0x4d, 0x5a, 0, 0]) })), "validation")).fieldErrors).toEqual({ file: ["fileTypeNotAllowed"] });
    expect((await refused(() => uploadLeaveAttachment(db.prisma, s["wz-doctor"]!, note({ fileName: "note.png" })), "validation")).fieldErrors).toEqual({ file: ["fileTypeMismatch"] });
    await refused(() => uploadLeaveAttachment(db.prisma, s["wz-doctor"]!, note({ bytes: new Uint8Array(0) })), "validation");
    await refused(() => uploadLeaveAttachment(db.prisma, s.doctor!, note()), "notFound");
    for (const who of ["wz-receiver", "wz-admin", "nominator"]) await refused(() => uploadLeaveAttachment(db.prisma, s[who]!, note()), "forbidden");
    const other = await fileLeave(db.prisma, s["wz-doctor"]!, { dispatchId, kind: "PERSONAL", startDate: addDays(today, 10), endDate: addDays(today, 10), reason: "家中有事。" });
    await cancelLeave(db.prisma, s["wz-doctor"]!, { leaveId: other.id, version: other.version });
    await refused(() => uploadLeaveAttachment(db.prisma, s["wz-doctor"]!, note({ leaveRequestId: other.id })), "conflict", "leaveClosed");
  });

  it("at most five certificates on one request", async () => {
    for (let i = 0; i < 4; i += 1) await uploadLeaveAttachment(db.prisma, s["wz-doctor"]!, note({ fileName: `证明${i}.pdf` }));
    expect((await refused(() => uploadLeaveAttachment(db.prisma, s["wz-doctor"]!, note()), "validation")).fieldErrors).toEqual({ file: ["tooManyFiles"] });
  });
});

describe("/api/v1/leave/{leaveId}/attachments", () => {
  it("uploads as multipart and lists, answers matching the document; refusals in words", async () => {
    const route = await import("@/app/api/v1/leave/[leaveId]/attachments/route");
    const everywhere = { ...s.admin!, subtreeIds: (await db.prisma.organization.findMany({ select: { id: true } })).map((o) => o.id) };
    const token = async (who: string) => (await issueApiToken(db.prisma, everywhere, { userId: s[who]!.user.id, name: "test" })).token;
    const fresh = await fileLeave(db.prisma, s["wz-doctor"]!, { dispatchId, kind: "SICK", startDate: addDays(today, 20), endDate: addDays(today, 21), reason: "复查。" });
    const url = `http://localhost/api/v1/leave/${fresh.id}/attachments`;
    const params = { params: Promise.resolve({ leaveId: fresh.id }) };
    const form = new FormData();
    form.set("file", new File([pdf()], "诊断证明.pdf", { type: "application/pdf" }));
    const posted = await route.POST(new NextRequest(url, { method: "POST", headers: { authorization: `Bearer ${await token("wz-doctor")}` }, body: form }), params);
    expect(posted.status).toBe(201);
    expect(leaveAttachmentSchema.safeParse(await posted.json()).error?.issues ?? []).toEqual([]);
    const listed = await route.GET(new NextRequest(url, { headers: { authorization: `Bearer ${await token("wz-receiver")}` } }), params);
    expect(listed.status).toBe(200);
    const list = (await listed.json()) as unknown[];
    expect(list).toHaveLength(1);
    expect(leaveAttachmentSchema.safeParse(list[0]).error?.issues ?? []).toEqual([]);
    const bad = new FormData();
    bad.set("file", new File([new Uint8Array([0x4d, 0x5a])], "x.exe", { type: "application/octet-stream" }));
    const refusedUpload = await route.POST(new NextRequest(url, { method: "POST", headers: { authorization: `Bearer ${await token("wz-doctor")}`, "accept-language": "en" }, body: bad }), params);
    expect(refusedUpload.status).toBe(422);
    expect(JSON.stringify(await refusedUpload.json())).toMatch(/PDF|JPEG|PNG/);
    const forbidden = await route.POST(new NextRequest(url, { method: "POST", headers: { authorization: `Bearer ${await token("wz-receiver")}` }, body: form }), params);
    expect(forbidden.status).toBe(403);
  });
});
