// Allowances on real PostgreSQL with the demo seed: the policy (who keeps it, bad input, edits that
// leave paid lines alone), schedules and their regeneration, event lines and corrections, finance
// marking paid (only finance, only its own payer's lines, never twice — also when two officers click
// at once through separate connections), the database's own refusal to touch a paid line, and
// totals that match the lines to the fen.
import { beforeAll, describe, expect, it } from "vitest";
import { sumFen } from "@/lib/domain/money";
import { dayDate } from "@/lib/domain/service-period";
import { createPrismaClient } from "@/lib/prisma";
import { allowanceTotals, dispatchSchedule, financeMonth, paymentSheetLines, programAllowances } from "@/lib/server/allowance-queries";
import { regenerateSchedule } from "@/lib/server/allowance-schedule";
import { activateDispatch, cancelDispatch, createDispatch, extendDispatch, terminateDispatch } from "@/lib/server/dispatches";
import { addEventLineAs, adjustLine, applyTemplate, createItem, markPaid, removeLine, updateItem } from "@/lib/server/allowances";
import { NOW, SX_PROGRAM, WZ_PROGRAM, allowanceWorld, makeDispatch, type Username } from "./setup/allowance-fixtures";
import { expectRefused, lastAuditId, auditRowsSince, refusal } from "./setup/vetting-fixtures";
import { confirmListOf } from "./setup/notice-fixtures";

const w = allowanceWorld();
const refused = (act: () => Promise<unknown>, code: string, message?: string) => expectRefused(w.db.prisma, act, code, message);

let wzProgram = "";
let sxProgram = "";
/** A Wanzhou doctor at 分水镇 from 1 Jan 2026 for a year (seed 001's template: 1 000 a month to the centre). */
let wzDispatch = "";
/** One from 15 Jun 2026, to be moved. */
let movingDispatch = "";

async function linesOf(dispatchId: string) {
  return w.db.prisma.allowanceLine.findMany({ where: { dispatchId }, orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }] });
}

async function payAs(who: Username, lineIds: string[], voucherNumber = "记-2026-12-001", paidOn = "2026-12-03") {
  return markPaid(w.db.prisma, w.s[who], { lineIds, voucherNumber, paidOn }, NOW);
}

beforeAll(async () => {
  wzProgram = w.program(WZ_PROGRAM);
  sxProgram = w.program(SX_PROGRAM);
  const base = { programId: wzProgram, receivingOrgId: w.org("重庆市万州区分水镇中心卫生院"), employerId: w.org("重庆市万州区人民医院"), createdById: w.userId("wz-admin") };
  wzDispatch = (await makeDispatch(w.db.prisma, { ...base, startDate: "2026-01-01", doctorName: "刘明" })).dispatchId;
  movingDispatch = (await makeDispatch(w.db.prisma, { ...base, startDate: "2026-06-15", doctorName: "周婷" })).dispatchId;
});

describe("the policy", () => {
  it("only the programme's bureau staff keep it; others are refused and nothing is written", async () => {
    for (const who of ["finance", "auditor", "nominator", "receiver", "doctor", "wz-receiver"] as Username[]) {
      await refused(() => applyTemplate(w.db.prisma, w.s[who], { programId: wzProgram, template: "countyHireTownshipUse" }, NOW), "forbidden");
    }
    // Another bureau's staff do not even see the programme.
    await refused(() => applyTemplate(w.db.prisma, w.s.staff, { programId: wzProgram, template: "countyHireTownshipUse" }, NOW), "notFound");
  });

  it("seed 001's template gives every dispatch its schedule at once: 1 000.00 a month to the receiving unit", async () => {
    const since = await lastAuditId(w.db.prisma);
    const result = await applyTemplate(w.db.prisma, w.s["wz-admin"], { programId: wzProgram, template: "countyHireTownshipUse" }, NOW);
    expect(result.added.map((i) => [i.name, i.kind, i.amountFen, i.payer, i.payee])).toEqual([
      ["资金池补助（交通、伙食、住房）", "MONTHLY", 100_000, "FUND_POOL", "RECEIVING_UNIT"],
      ["年度考核优秀奖", "PER_EVENT", 150_000, "FUND_POOL", "DOCTOR"],
    ]);
    const lines = await linesOf(wzDispatch);
    expect(lines).toHaveLength(12);
    expect(lines.every((l) => l.amountFen === 100_000 && l.status === "UNPAID" && l.payee === "RECEIVING_UNIT")).toBe(true);
    // 15 Jun 2026 – 14 Jun 2027: June 16/30 days, then full months, June 2027 14/30.
    const moving = await linesOf(movingDispatch);
    expect(moving.map((l) => l.amountFen)).toEqual([53_333, ...Array(11).fill(100_000), 46_667]);
    expect((await auditRowsSince(w.db.prisma, since)).map((r) => r.action)).toEqual(["allowance.apply_template"]);
    // Applying it again adds nothing.
    expect((await applyTemplate(w.db.prisma, w.s["wz-admin"], { programId: wzProgram, template: "countyHireTownshipUse" }, NOW)).added).toEqual([]);
  });

  it("refuses negative, zero, absurd and fractional amounts, a missing payer and a taken name, writing nothing", async () => {
    const item = { programId: wzProgram, name: "年度体检", kind: "PER_EVENT", amountFen: 30_000, payer: "FUND_POOL", payee: "DOCTOR", startsAt: "ARRIVAL" };
    const fieldOf = async (raw: unknown) => (await refused(() => createItem(w.db.prisma, w.s["wz-admin"], raw, NOW), "validation")).fieldErrors;
    expect(await fieldOf({ ...item, amountFen: -100 })).toEqual({ amountFen: ["amountPositive"] });
    expect(await fieldOf({ ...item, amountFen: 0 })).toEqual({ amountFen: ["amountPositive"] });
    expect(await fieldOf({ ...item, amountFen: 100_000_001 })).toEqual({ amountFen: ["amountTooLarge"] });
    expect(await fieldOf({ ...item, amountFen: 100.5 })).toEqual({ amountFen: ["amountInvalid"] });
    expect(await fieldOf({ ...item, amountFen: "300" })).toEqual({ amountFen: ["amountInvalid"] });
    const { payer: _payer, ...withoutPayer } = item;
    expect(await fieldOf(withoutPayer)).toEqual({ payer: ["payerRequired"] });
    expect(await fieldOf({ ...item, name: "bad\u0000name" })).toEqual({ name: ["invalid"] });
    expect(await fieldOf({ ...item, name: "资金池补助（交通、伙食、住房）" })).toEqual({ name: ["nameTaken"] });
    const created = await createItem(w.db.prisma, w.s["wz-admin"], item, NOW);
    expect(created.item.amountFen).toBe(30_000);
  });

  it("the database refuses an amount in floating point or out of range even past the schema", async () => {
    await expect(w.db.prisma.$executeRawUnsafe(`UPDATE "AllowanceItem" SET "amountFen" = -1 WHERE "programId" = '${wzProgram}'`)).rejects.toThrow(/AllowanceItem_amount_check/);
  });
});

describe("finance marks lines paid", () => {
  it("only finance officers mark paid; staff, admins, auditors, units and doctors are refused", async () => {
    const [first] = await linesOf(wzDispatch);
    for (const who of ["wz-admin", "wz-staff", "auditor", "nominator", "receiver", "wz-receiver", "doctor"] as Username[]) {
      await refused(() => payAs(who, [first!.id]), "forbidden");
    }
  });

  it("pays January to November in bulk with one voucher, an audit row per line; twice is refused, naming the line", async () => {
    const lines = (await linesOf(wzDispatch)).slice(0, 11);
    const since = await lastAuditId(w.db.prisma);
    const result = await payAs("finance", lines.map((l) => l.id), "记-2026-11-017", "2026-11-30");
    expect(result).toEqual({ paid: 11, totalFen: 1_100_000, voucherNumber: "记-2026-11-017", paidOn: "2026-11-30" });
    const audits = await auditRowsSince(w.db.prisma, since);
    expect(audits.map((a) => a.action)).toEqual(Array(11).fill("allowance.mark_paid"));
    const december = (await linesOf(wzDispatch))[11]!;
    const again = await refused(() => payAs("finance", [lines[10]!.id, december.id]), "conflict", "alreadyPaid");
    expect(again.details).toMatchObject({ doctor: "刘明", voucher: "记-2026-11-017", period: "2026-11-01 – 2026-11-30" });
    // December (due 1 Dec) is still unpaid: the refusal was all or nothing.
    expect((await linesOf(wzDispatch))[11]!.status).toBe("UNPAID");
  });

  it("refuses another bureau's line (not found), a voucher with control characters, a future date and a forged id", async () => {
    const december = (await linesOf(wzDispatch))[11]!;
    await refused(() => payAs("sx-finance", [december.id]), "notFound");
    await refused(() => payAs("sxrm-finance", [december.id]), "notFound");
    expect((await refused(() => payAs("finance", [december.id], "<script>"), "validation")).fieldErrors).toEqual({ voucherNumber: ["voucherInvalid"] });
    expect((await refused(() => payAs("finance", [december.id], "V-1", "2026-12-04"), "validation")).fieldErrors).toEqual({ paidOn: ["paidOnFuture"] });
    await refused(() => payAs("finance", [december.id, "cm0000000000000000000000"]), "notFound");
    await refused(() => payAs("finance", []), "validation");
    await refused(() => payAs("finance", [december.id, december.id]), "validation");
  });

  it("two finance officers marking the same lines at once pay each line once", async () => {
    const second = await w.db.prisma.user.create({
      data: { username: "wz-finance-2", displayName: "财务二", role: "FINANCE_OFFICER", organizationId: w.org("重庆市万州区卫生健康委员会"), passwordHash: "x", mustChangePassword: false },
    });
    const { buildScope } = await import("@/lib/server/organization-tree");
    const scope2 = await buildScope(w.db.prisma, second);
    const ids = (await linesOf(movingDispatch)).slice(0, 6).map((l) => l.id);
    const a = createPrismaClient(w.db.url, { maxConnections: 2 });
    const b = createPrismaClient(w.db.url, { maxConnections: 2 });
    try {
      const results = await Promise.allSettled([
        markPaid(a, w.s.finance, { lineIds: ids, voucherNumber: "记-A", paidOn: "2026-12-03" }, NOW),
        markPaid(b, scope2, { lineIds: [...ids].reverse(), voucherNumber: "记-B", paidOn: "2026-12-03" }, NOW),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(await refusal(Promise.reject(failed.reason))).toMatchObject({ code: "conflict", message: "alreadyPaid" });
      const paid = await w.db.prisma.allowanceLine.findMany({ where: { id: { in: ids } }, select: { status: true, voucherNumber: true } });
      expect(paid.every((l) => l.status === "PAID")).toBe(true);
      expect(new Set(paid.map((l) => l.voucherNumber)).size).toBe(1);
      const audits = await w.db.prisma.auditLog.count({ where: { action: "allowance.mark_paid", entityId: { in: ids } } });
      expect(audits).toBe(ids.length);
    } finally {
      await a.$disconnect();
      await b.$disconnect();
    }
  });

  it("a dispatching unit's finance pays what its unit pays for its doctors, and nothing the bureau pays", async () => {
    const sxDispatch = await makeDispatch(w.db.prisma, {
      programId: sxProgram,
      receivingOrgId: w.org("阿瓦提县人民医院"),
      employerId: w.org("绍兴市人民医院"),
      startDate: "2026-03-01",
      months: 18,
      createdById: w.userId("admin"),
      doctorName: "援疆医生",
    });
    await applyTemplate(w.db.prisma, w.s.staff, { programId: sxProgram, template: "longTermAid" }, NOW);
    const lines = await linesOf(sxDispatch.dispatchId);
    // 制装费 and 生活补助费 due the day before the first day, then 2 000.00 a month from 1 Mar 2026.
    expect(lines.slice(0, 2).map((l) => [l.amountFen, l.dueDate.toISOString().slice(0, 10)])).toEqual([
      [1_000_000, "2026-02-28"],
      [800_000, "2026-02-28"],
    ]);
    expect(lines.filter((l) => l.slotKey !== "once").every((l) => l.amountFen === 200_000)).toBe(true);
    expect(await payAs("sxrm-finance", [lines[0]!.id, lines[1]!.id], "院财-2026-021", "2026-02-27")).toMatchObject({ paid: 2, totalFen: 1_800_000 });
    // 诸暨市人民医院's finance officer sees none of it; the Wanzhou finance officer neither.
    await refused(() => payAs("finance", [lines[2]!.id]), "notFound");
    // A line the bureau pays (made for the test) is refused to the hospital: its office does not pay it.
    await w.db.prisma.allowanceLine.update({ where: { id: lines[3]!.id }, data: { payer: "BUREAU_FINANCE" } });
    await refused(() => payAs("sxrm-finance", [lines[3]!.id]), "notFound");
    expect(await payAs("sx-finance", [lines[3]!.id])).toMatchObject({ paid: 1 });
  });
});

describe("paid lines are history", () => {
  it("the database refuses to change or delete a paid line", async () => {
    const paid = (await linesOf(wzDispatch))[0]!;
    await expect(w.db.prisma.allowanceLine.update({ where: { id: paid.id }, data: { amountFen: 1 } })).rejects.toThrow(/paid allowance line cannot be changed/);
    await expect(w.db.prisma.allowanceLine.delete({ where: { id: paid.id } })).rejects.toThrow(/paid allowance line cannot be changed/);
    await expect(w.db.prisma.$executeRawUnsafe(`TRUNCATE "AllowanceLine" CASCADE`)).rejects.toThrow();
    expect((await w.db.prisma.allowanceLine.findUniqueOrThrow({ where: { id: paid.id } })).amountFen).toBe(100_000);
  });

  it("a correction is a new line with a reason (staff only); an unpaid line is refused", async () => {
    const [paid, , , , , , , , , , , december] = await linesOf(wzDispatch);
    await refused(() => adjustLine(w.db.prisma, w.s.finance, { lineId: paid!.id, amountFen: -5_000, reason: "多发" }, NOW), "forbidden");
    await refused(() => adjustLine(w.db.prisma, w.s["wz-admin"], { lineId: december!.id, amountFen: -5_000, reason: "多发" }, NOW), "conflict", "adjustUnpaid");
    expect((await refused(() => adjustLine(w.db.prisma, w.s["wz-admin"], { lineId: paid!.id, amountFen: 0, reason: "多发" }, NOW), "validation")).fieldErrors).toEqual({ amountFen: ["amountNonZero"] });
    expect((await refused(() => adjustLine(w.db.prisma, w.s["wz-admin"], { lineId: paid!.id, amountFen: -5_000, reason: "" }, NOW), "validation")).fieldErrors).toEqual({ reason: ["reasonRequired"] });
    const line = await adjustLine(w.db.prisma, w.s["wz-admin"], { lineId: paid!.id, amountFen: -5_000, reason: "1月按实际到岗天数核减" }, NOW);
    expect(line).toMatchObject({ kind: "ADJUSTMENT", isGenerated: false, amountFen: -5_000, adjustsLineId: paid!.id, paidBeforeFen: 100_000, status: "UNPAID" });
    expect((await w.db.prisma.allowanceLine.findUniqueOrThrow({ where: { id: paid!.id } })).amountFen).toBe(100_000);
  });

  it("editing an item applies to lines not yet due; paid and due lines keep their amounts", async () => {
    const item = await w.db.prisma.allowanceItem.findFirstOrThrow({ where: { programId: wzProgram, kind: "MONTHLY" } });
    const before = await linesOf(movingDispatch);
    const stale = { itemId: item.id, version: item.version + 5, name: item.name, kind: item.kind, amountFen: 120_000, payer: item.payer, payee: item.payee, startsAt: item.startsAt, note: item.note };
    await refused(() => updateItem(w.db.prisma, w.s["wz-admin"], stale, NOW), "conflict", "staleVersion");
    await updateItem(w.db.prisma, w.s["wz-admin"], { ...stale, version: item.version }, NOW);
    const after = await linesOf(movingDispatch);
    // Paid (June–November 2026) and due (December, due 1 Dec) lines are the same rows with the same amounts.
    for (const old of before.filter((l) => l.dueDate <= dayDate("2026-12-03"))) {
      expect(after.find((l) => l.id === old.id)).toMatchObject({ amountFen: old.amountFen, status: old.status });
    }
    // January 2027 on: 1 200.00 a month; 1–14 June 2027 pro-rated: 1 200 × 14/30 = 560.00.
    const future = after.filter((l) => l.dueDate > dayDate("2026-12-03"));
    expect(future.map((l) => l.amountFen)).toEqual([...Array(5).fill(120_000), 56_000]);
  });
});

describe("regeneration when the last day moves", () => {
  it("an early end: paid lines untouched, unpaid ones after the end gone, the paid month cut short adjusted", async () => {
    // The moving dispatch is paid June–November 2026; it now ends on 20 Nov 2026.
    const before = await linesOf(movingDispatch);
    const paidBefore = before.filter((l) => l.status === "PAID");
    await w.db.prisma.$transaction(async (tx) => {
      await tx.dispatch.update({ where: { id: movingDispatch }, data: { lastDay: dayDate("2026-11-20"), status: "TERMINATED", version: { increment: 1 } } });
      await regenerateSchedule(tx, movingDispatch, null, "lastDayMoved", NOW);
    });
    const after = await linesOf(movingDispatch);
    for (const p of paidBefore) expect(after.find((l) => l.id === p.id)).toEqual(p);
    const unpaid = after.filter((l) => l.status === "UNPAID");
    // November: 20 of 30 days (666.67) should have been paid, 1 000.00 was.
    expect(unpaid.map((l) => [l.kind, l.slotKey, l.amountFen, l.paidBeforeFen])).toEqual([["ADJUSTMENT", "2026-11", -33_333, 100_000]]);
    const audit = await w.db.prisma.auditLog.findFirstOrThrow({ where: { action: "allowance.regenerate", entityId: movingDispatch }, orderBy: { id: "desc" } });
    expect(audit.after).toMatchObject({ cause: "lastDayMoved" });
    const total = sumFen(after.map((l) => l.amountFen));
    expect(total).toBe(53_333 + 4 * 100_000 + 66_667);
  });

  it("extended again: the adjustment is replaced, not stacked, and the months come back at today's rate", async () => {
    await w.db.prisma.$transaction(async (tx) => {
      await tx.dispatch.update({ where: { id: movingDispatch }, data: { lastDay: dayDate("2027-01-10"), status: "ACTIVE" } });
      await regenerateSchedule(tx, movingDispatch, null, "lastDayMoved", NOW);
    });
    const unpaid = (await linesOf(movingDispatch)).filter((l) => l.status === "UNPAID");
    // The months that come back are new lines at today's rate: December 1 200.00, January 2027 1 200 × 10/31.
    expect(unpaid.map((l) => [l.kind, l.slotKey, l.amountFen])).toEqual([
      ["SCHEDULED", "2026-12", 120_000],
      ["SCHEDULED", "2027-01", 38_710],
    ]);
  });
});

describe("the dispatch use cases carry the schedule in their transaction", () => {
  it("creating, extending and ending a dispatch early regenerate its lines", async () => {
    const employerId = w.org("重庆市万州区人民医院");
    const { dispatchId: template } = await makeDispatch(w.db.prisma, { programId: wzProgram, receivingOrgId: w.org("重庆市万州区分水镇中心卫生院"), employerId, startDate: "2027-03-01", createdById: w.userId("wz-admin"), doctorName: "模板" });
    // An approved application of the same kind, not yet dispatched (its dispatch removed with its lines: unpaid).
    const { applicationId } = await w.db.prisma.dispatch.findUniqueOrThrow({ where: { id: template }, select: { applicationId: true } });
    await w.db.prisma.allowanceLine.deleteMany({ where: { dispatchId: template } });
    await w.db.prisma.dispatch.delete({ where: { id: template } });
    await w.db.prisma.program.update({ where: { id: wzProgram }, data: { status: "IN_SERVICE" } });
    await confirmListOf(w.db.prisma, w.s["wz-admin"], applicationId, NOW);
    const created = await createDispatch(w.db.prisma, w.s["wz-admin"], { applicationId, startDate: "2026-11-16" }, NOW);
    const lines = await linesOf(created.id);
    // 16–30 Nov 2026: 15 of 30 days at 1 200.00 (the rate edited above) = 600.00; the last month 1–15 Nov 2027.
    expect(lines.map((l) => l.amountFen)).toEqual([60_000, ...Array(11).fill(120_000), 60_000]);
    const extended = await extendDispatch(w.db.prisma, w.s["wz-admin"], { dispatchId: created.id, expectedVersion: created.version, lastDay: "2027-11-30", reason: "工作需要延长" }, NOW);
    expect((await linesOf(created.id)).at(-1)!.amountFen).toBe(120_000);
    await activateDispatch(w.db.prisma, w.s["wz-admin"], { dispatchId: created.id, expectedVersion: extended.version }, NOW);
    const paid = (await linesOf(created.id))[0]!;
    await payAs("finance", [paid.id], "记-2026-12-050");
    const current = await w.db.prisma.dispatch.findUniqueOrThrow({ where: { id: created.id } });
    await terminateDispatch(w.db.prisma, w.s["wz-admin"], { dispatchId: created.id, expectedVersion: current.version, lastDay: "2026-11-20", reason: "因病提前结束" }, NOW);
    const after = await linesOf(created.id);
    // November paid in full for 15 days (600.00); served 5 of 30 days (200.00): −400.00.
    expect(after.map((l) => [l.kind, l.status, l.amountFen])).toEqual([
      ["SCHEDULED", "PAID", 60_000],
      ["ADJUSTMENT", "UNPAID", -40_000],
    ]);
    const audit = await w.db.prisma.auditLog.findFirstOrThrow({ where: { action: "allowance.regenerate", entityId: created.id }, orderBy: { id: "desc" } });
    expect(audit.after).toMatchObject({ cause: "TERMINATED" });
    expect(audit.actorName).toBe("谭晓红");
  });

  it("cancelling a planned dispatch removes its unpaid lines", async () => {
    const { dispatchId: template } = await makeDispatch(w.db.prisma, { programId: wzProgram, receivingOrgId: w.org("重庆市万州区分水镇中心卫生院"), employerId: w.org("重庆市万州区人民医院"), startDate: "2027-06-01", createdById: w.userId("wz-admin"), status: "PLANNED" });
    const { applicationId } = await w.db.prisma.dispatch.findUniqueOrThrow({ where: { id: template }, select: { applicationId: true } });
    await w.db.prisma.allowanceLine.deleteMany({ where: { dispatchId: template } });
    await w.db.prisma.dispatch.delete({ where: { id: template } });
    await confirmListOf(w.db.prisma, w.s["wz-admin"], applicationId, NOW);
    const planned = await createDispatch(w.db.prisma, w.s["wz-admin"], { applicationId, startDate: "2027-06-01" }, NOW);
    expect(await linesOf(planned.id)).toHaveLength(12);
    await cancelDispatch(w.db.prisma, w.s["wz-admin"], { dispatchId: planned.id, expectedVersion: planned.version, reason: "本人放弃" }, NOW);
    expect(await linesOf(planned.id)).toEqual([]);
  });
});

describe("event lines", () => {
  it("staff add an award with its reason; other roles, a monthly item and a missing reason are refused", async () => {
    const award = await w.db.prisma.allowanceItem.findFirstOrThrow({ where: { programId: wzProgram, kind: "PER_EVENT", name: "年度考核优秀奖" } });
    const monthly = await w.db.prisma.allowanceItem.findFirstOrThrow({ where: { programId: wzProgram, kind: "MONTHLY" } });
    const input = { dispatchId: wzDispatch, itemId: award.id, eventDate: "2026-12-20", periodStart: "2026-01-01", periodEnd: "2026-12-31", reason: "2026年度考核优秀" };
    await refused(() => addEventLineAs(w.db.prisma, w.s.finance, input), "forbidden");
    await refused(() => addEventLineAs(w.db.prisma, w.s.staff, input), "notFound");
    expect((await refused(() => addEventLineAs(w.db.prisma, w.s["wz-admin"], { ...input, itemId: monthly.id }), "validation")).fieldErrors).toEqual({ itemId: ["itemNotEvent"] });
    expect((await refused(() => addEventLineAs(w.db.prisma, w.s["wz-admin"], { ...input, reason: " " }), "validation")).fieldErrors).toEqual({ reason: ["reasonRequired"] });
    expect((await refused(() => addEventLineAs(w.db.prisma, w.s["wz-admin"], { ...input, periodEnd: "2025-12-31" }), "validation")).fieldErrors).toEqual({ periodEnd: ["periodInvalid"] });
    const line = await addEventLineAs(w.db.prisma, w.s["wz-admin"], input);
    expect(line).toMatchObject({ kind: "EVENT", amountFen: 150_000, payee: "DOCTOR", payer: "FUND_POOL", reason: "2026年度考核优秀" });
    // Regeneration never touches it.
    await w.db.prisma.$transaction((tx) => regenerateSchedule(tx, wzDispatch, null, "check", NOW));
    expect(await w.db.prisma.allowanceLine.findUnique({ where: { id: line.id } })).not.toBeNull();
  });

  it("a line added by hand is removed while unpaid (staff, with a reason); a paid or a generated line never is", async () => {
    const award = await w.db.prisma.allowanceItem.findFirstOrThrow({ where: { programId: wzProgram, kind: "PER_EVENT" } });
    const mistaken = await addEventLineAs(w.db.prisma, w.s["wz-admin"], { dispatchId: wzDispatch, itemId: award.id, eventDate: "2026-12-21", reason: "录入错误的一笔" });
    await refused(() => removeLine(w.db.prisma, w.s.finance, { lineId: mistaken.id, reason: "撤销" }), "forbidden");
    await refused(() => removeLine(w.db.prisma, w.s.staff, { lineId: mistaken.id, reason: "撤销" }), "notFound");
    expect((await refused(() => removeLine(w.db.prisma, w.s["wz-admin"], { lineId: mistaken.id, reason: "" }), "validation")).fieldErrors).toEqual({ reason: ["reasonRequired"] });
    const paid = await w.db.prisma.allowanceLine.findFirstOrThrow({ where: { dispatchId: wzDispatch, status: "PAID" } });
    expect((await refused(() => removeLine(w.db.prisma, w.s["wz-admin"], { lineId: paid.id, reason: "想删掉" }), "conflict")).message).toBe("linePaid");
    const generated = await w.db.prisma.allowanceLine.findFirstOrThrow({ where: { dispatchId: wzDispatch, status: "UNPAID", isGenerated: true } });
    expect((await refused(() => removeLine(w.db.prisma, w.s["wz-admin"], { lineId: generated.id, reason: "想删掉" }), "conflict")).message).toBe("lineGenerated");
    const since = await lastAuditId(w.db.prisma);
    expect(await removeLine(w.db.prisma, w.s["wz-admin"], { lineId: mistaken.id, reason: "重复录入" })).toMatchObject({ removed: true });
    expect(await w.db.prisma.allowanceLine.findUnique({ where: { id: mistaken.id } })).toBeNull();
    expect((await auditRowsSince(w.db.prisma, since)).map((r) => r.action)).toEqual(["allowance.remove_line"]);
  });
});

describe("who sees what, and totals that match the lines", () => {
  it("the receiving unit sees what it receives; the doctor's unit and another bureau see nothing of it", async () => {
    const received = await financeMonth(w.db.prisma, w.s["wz-receiver"], { month: "2026-12" }, NOW);
    expect(received.page.rows.length).toBeGreaterThan(0);
    expect(received.page.rows.every((l) => l.payee === "RECEIVING_UNIT" && l.dispatch.receivingOrg.name === "重庆市万州区分水镇中心卫生院")).toBe(true);
    expect(received.can.pay).toBe(false);
    const other = await financeMonth(w.db.prisma, w.s.staff, { month: "2026-12", programId: wzProgram }, NOW);
    expect(other.page.total).toBe(0);
    await expect(dispatchSchedule(w.db.prisma, w.s.staff, wzDispatch)).rejects.toMatchObject({ code: "notFound" });
    await expect(programAllowances(w.db.prisma, w.s.staff, wzProgram)).rejects.toMatchObject({ code: "notFound" });
  });

  it("the month's totals per payer and the programme's totals by month and item are the sums of the lines", async () => {
    const month = await financeMonth(w.db.prisma, w.s.finance, { month: "2026-12" }, NOW);
    const due = await w.db.prisma.allowanceLine.findMany({ where: { status: "UNPAID", dueDate: { lte: dayDate("2026-12-31") }, dispatch: { programId: wzProgram } } });
    const pool = month.payers.find((p) => p.payer === "FUND_POOL")!;
    expect(pool.dueFen).toBe(sumFen(due.filter((l) => l.payer === "FUND_POOL").map((l) => l.amountFen)));
    expect(pool.dueLines).toBe(due.filter((l) => l.payer === "FUND_POOL").length);
    const totals = await allowanceTotals(w.db.prisma, w.s.finance, { from: "2026-01", to: "2027-06" }, wzProgram, NOW);
    const all = await w.db.prisma.allowanceLine.findMany({ where: { dispatch: { programId: wzProgram } } });
    expect(totals.grandTotal.paidFen).toBe(sumFen(all.filter((l) => l.status === "PAID").map((l) => l.amountFen)));
    expect(totals.grandTotal.unpaidFen).toBe(sumFen(all.filter((l) => l.status === "UNPAID").map((l) => l.amountFen)));
    const nov = totals.rows.filter((r) => r.month === "2026-11");
    expect(sumFen(nov.map((r) => r.paidFen + r.unpaidFen))).toBe(sumFen(all.filter((l) => l.dueDate.toISOString().startsWith("2026-11")).map((l) => l.amountFen)));
    const sheet = await paymentSheetLines(w.db.prisma, w.s.finance, { month: "2026-12", status: "due" }, NOW);
    expect(sumFen(sheet.lines.map((l) => l.amountFen))).toBe(sumFen(month.payers.map((p) => p.dueFen)));
  });

  it("a doctor sees their own schedule; another doctor's is not found", async () => {
    const doctorUser = await w.db.prisma.user.findUniqueOrThrow({ where: { username: "doctor" } });
    await expect(dispatchSchedule(w.db.prisma, w.s.doctor, wzDispatch)).rejects.toMatchObject({ code: "notFound" });
    expect(doctorUser.doctorId).not.toBeNull();
    const schedule = await dispatchSchedule(w.db.prisma, w.s["wz-admin"], wzDispatch);
    expect(schedule.totals.totalFen).toBe(sumFen(schedule.lines.map((l) => l.amountFen)));
    expect(schedule.can).toEqual({ manage: true, pay: false });
  });
});
