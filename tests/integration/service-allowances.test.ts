// The demo's allowances (prisma/seed/service-allowances.ts) on a real database, loaded through the use
// cases on top of the cohort and its leave: seed 001's policy on the cohort's programme, every
// dispatch with its schedule, the months before this one paid with one voucher a month, this month
// due for finance's month page; seed 000's template on the 援疆 programme; a second run writes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sumFen } from "@/lib/domain/money";
import { financeMonth } from "@/lib/server/allowance-queries";
import { buildScope } from "@/lib/server/organization-tree";
import { seedDemoData } from "@/prisma/seed";
import { seedServiceAllowances } from "@/prisma/seed/service-allowances";
import { seedServiceCohort } from "@/prisma/seed/service-cohort";
import { seedServiceLeave } from "@/prisma/seed/service-leave";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const NOW = new Date("2026-12-03T09:00:00+08:00");
let paid = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  await seedServiceCohort(db.prisma, NOW);
  await seedServiceLeave(db.prisma, NOW);
  paid = await seedServiceAllowances(db.prisma, NOW);
}, 240_000);

afterAll(async () => {
  await db?.drop();
});

describe("the demo's allowances", () => {
  it("every cohort dispatch has its schedule at 1 000 yuan a month to its centre; the months before December are paid, one voucher a month", async () => {
    const dispatches = await db.prisma.dispatch.findMany({ where: { program: { bureau: { name: "重庆市万州区卫生健康委员会" } }, status: { not: "CANCELLED" } }, select: { id: true, _count: { select: { allowanceLines: true } } } });
    expect(dispatches.length).toBeGreaterThanOrEqual(10);
    expect(dispatches.every((d) => d._count.allowanceLines > 0)).toBe(true);
    const lines = await db.prisma.allowanceLine.findMany({ where: { dispatchId: { in: dispatches.map((d) => d.id) } } });
    const scheduled = lines.filter((l) => l.isGenerated);
    expect(scheduled.every((l) => l.payer === "FUND_POOL" && l.payee === "RECEIVING_UNIT" && l.rateFen === 100_000)).toBe(true);
    const paidLines = lines.filter((l) => l.status === "PAID");
    expect(paid).toBe(paidLines.length);
    expect(paid).toBeGreaterThan(60);
    expect(paidLines.every((l) => l.dueDate < new Date("2026-12-01T00:00:00Z") && /^记-2026-(0[1-9]|1[01])-\d{3}$|^记-2025-12-\d{3}$/.test(l.voucherNumber ?? ""))).toBe(true);
    expect(lines.filter((l) => l.status === "UNPAID" && l.dueDate < new Date("2026-12-01T00:00:00Z"))).toEqual([]);
    // The main batch arrived on 1 April: April to November paid in full.
    expect(new Set(paidLines.map((l) => l.voucherNumber)).size).toBeGreaterThanOrEqual(8);
  });

  it("finance's December: the month's lines due per payer, nothing overdue, the sum of the lines", async () => {
    const finance = await buildScope(db.prisma, await db.prisma.user.findUniqueOrThrow({ where: { username: "finance" } }));
    const month = await financeMonth(db.prisma, finance, {}, NOW);
    expect(month.month).toBe("2026-12");
    expect(month.payers).toHaveLength(1);
    const [pool] = month.payers;
    expect(pool).toMatchObject({ payer: "FUND_POOL", overdueLines: 0, paidLines: 0 });
    expect(pool!.dueLines).toBeGreaterThanOrEqual(8);
    expect(pool!.dueFen).toBe(sumFen(month.page.rows.map((l) => l.amountFen)));
    expect(month.page.rows.every((l) => l.can.pay)).toBe(true);
  });

  it("staff's lines by hand: a correction of a paid part month (the paid line unchanged) and the award for an excellent grade, both due this month, each audited", async () => {
    const byHand = await db.prisma.allowanceLine.findMany({ where: { isGenerated: false }, include: { adjusts: true }, orderBy: { kind: "asc" } });
    expect(byHand.map((l) => l.kind)).toEqual(["ADJUSTMENT", "EVENT"]);
    const [adjustment, award] = byHand as [(typeof byHand)[0], (typeof byHand)[0]];
    expect(adjustment.dispatchId).toBe(award.dispatchId);
    const corrected = adjustment.adjusts!;
    expect(corrected.status).toBe("PAID");
    expect(adjustment.paidBeforeFen).toBe(corrected.amountFen);
    // One more day of the month at the month's rate, to the fen: (days + 1) / month − days / month.
    const share = (days: number) => Math.floor((2 * corrected.rateFen * days + corrected.monthDays!) / (2 * corrected.monthDays!));
    expect(adjustment.amountFen).toBe(share(corrected.daysServed! + 1) - share(corrected.daysServed!));
    expect(adjustment.amountFen).toBeGreaterThan(0);
    expect(award).toMatchObject({ amountFen: 150_000, payer: "FUND_POOL", payee: "DOCTOR", status: "UNPAID", reason: "年度考核优秀（考核表已归档）" });
    for (const l of byHand) expect(l.dueDate).toEqual(new Date("2026-12-03T00:00:00Z"));
    const audits = await db.prisma.auditLog.findMany({ where: { entityId: { in: byHand.map((l) => l.id) } }, select: { action: true } });
    expect(audits.map((a) => a.action).sort()).toEqual(["allowance.add_event", "allowance.adjust"]);
  });

  it("seed 000's template on the 援疆 programme; a second run writes nothing", async () => {
    const aid = await db.prisma.allowanceItem.findMany({ where: { program: { name: "绍兴市第八批援疆医生选派" } }, orderBy: { sortOrder: "asc" } });
    expect(aid.map((i) => [i.name, i.amountFen, i.payer])).toEqual([
      ["制装费", 1_000_000, "DISPATCHING_UNIT"],
      ["生活补助费（援疆一年半）", 800_000, "DISPATCHING_UNIT"],
      ["进疆后每月生活补助费", 200_000, "DISPATCHING_UNIT"],
    ]);
    const before = await db.prisma.allowanceLine.count();
    expect(await seedServiceAllowances(db.prisma, NOW)).toBe(0);
    expect(await db.prisma.allowanceLine.count()).toBe(before);
  });
});
