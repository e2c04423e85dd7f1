import { describe, expect, it } from "vitest";
import { planSchedule, reconcileSchedule, slotsOf, type ExistingLine, type PlannedLine, type ScheduleItem } from "@/lib/domain/allowance-schedule";
import { sumFen } from "@/lib/domain/money";
import { addDays, lastDayOfService } from "@/lib/domain/service-period";

// Seed 000: outfit 10 000 and living subsidy 8 000 at departure, 2 000 a month from arrival.
const OUTFIT: ScheduleItem = { id: "outfit", kind: "ONE_TIME", amountFen: 1_000_000, payer: "DISPATCHING_UNIT", payee: "DOCTOR", startsAt: "DEPARTURE", isActive: true };
const LIVING: ScheduleItem = { id: "living", kind: "ONE_TIME", amountFen: 800_000, payer: "DISPATCHING_UNIT", payee: "DOCTOR", startsAt: "DEPARTURE", isActive: true };
const MONTHLY: ScheduleItem = { id: "monthly", kind: "MONTHLY", amountFen: 200_000, payer: "DISPATCHING_UNIT", payee: "DOCTOR", startsAt: "ARRIVAL", isActive: true };
// Seed 001: 1 000 a month to the receiving unit from the fund pool; 1 500 for an excellent grade.
const POOL: ScheduleItem = { id: "pool", kind: "MONTHLY", amountFen: 100_000, payer: "FUND_POOL", payee: "RECEIVING_UNIT", startsAt: "ARRIVAL", isActive: true };
const AWARD: ScheduleItem = { id: "award", kind: "PER_EVENT", amountFen: 150_000, payer: "FUND_POOL", payee: "DOCTOR", startsAt: "ARRIVAL", isActive: true };

const monthly = (lines: PlannedLine[]) => lines.map((l) => [l.slotKey, l.periodStart, l.periodEnd, l.daysServed, l.monthDays, l.amountFen]);

/** The planned lines as they would sit in the database, paid or not. */
function existing(lines: PlannedLine[], paid: (l: PlannedLine) => boolean): ExistingLine[] {
  return lines.map((l, i) => ({ id: `L${i}`, kind: "SCHEDULED", isPaid: paid(l), ...l }));
}

describe("one line per item per month, pro-rated by days served over the days of the month", () => {
  it("seed 000: 18 months from 15 Feb 2024 (a leap year) — arrival month, February, last month", () => {
    const service = { firstDay: "2024-02-15", lastDay: lastDayOfService("2024-02-15", 18) };
    expect(service.lastDay).toBe("2025-08-14");
    const lines = planSchedule(service, [MONTHLY]);
    expect(lines).toHaveLength(19);
    // 15–29 Feb 2024: 15 of 29 days → 2 000 × 15/29 = 1 034.48
    expect(monthly(lines)[0]).toEqual(["2024-02", "2024-02-15", "2024-02-29", 15, 29, 103_448]);
    expect(monthly(lines)[1]).toEqual(["2024-03", "2024-03-01", "2024-03-31", 31, 31, 200_000]);
    // February 2025 is common: a full month all the same.
    expect(monthly(lines).find((l) => l[0] === "2025-02")).toEqual(["2025-02", "2025-02-01", "2025-02-28", 28, 28, 200_000]);
    // 1–14 Aug 2025: 14 of 31 days → 903.23
    expect(monthly(lines)[18]).toEqual(["2025-08", "2025-08-01", "2025-08-14", 14, 31, 90_323]);
    expect(sumFen(lines.map((l) => l.amountFen))).toBe(103_448 + 17 * 200_000 + 90_323);
    // Each monthly line is due on its first day.
    expect(lines.every((l) => l.dueDate === l.periodStart)).toBe(true);
  });

  it("February of a common year: arrival on 15 Feb 2023 serves 14 of 28 days, exactly half", () => {
    const lines = planSchedule({ firstDay: "2023-02-15", lastDay: "2023-03-10" }, [MONTHLY]);
    expect(monthly(lines)).toEqual([
      ["2023-02", "2023-02-15", "2023-02-28", 14, 28, 100_000],
      ["2023-03", "2023-03-01", "2023-03-10", 10, 31, 64_516],
    ]);
  });

  it("thirds: 1 000 a month over 10 of 30 days, 20 of 30, and a 31-day month split at the 11th", () => {
    expect(monthly(planSchedule({ firstDay: "2026-11-21", lastDay: "2026-11-30" }, [POOL]))).toEqual([["2026-11", "2026-11-21", "2026-11-30", 10, 30, 33_333]]);
    expect(monthly(planSchedule({ firstDay: "2026-11-11", lastDay: "2026-11-30" }, [POOL]))).toEqual([["2026-11", "2026-11-11", "2026-11-30", 20, 30, 66_667]]);
    expect(monthly(planSchedule({ firstDay: "2026-12-11", lastDay: "2026-12-31" }, [POOL]))).toEqual([["2026-12", "2026-12-11", "2026-12-31", 21, 31, 67_742]]);
  });

  it("a service inside one month, and of a single day", () => {
    expect(monthly(planSchedule({ firstDay: "2024-02-10", lastDay: "2024-02-20" }, [MONTHLY]))).toEqual([["2024-02", "2024-02-10", "2024-02-20", 11, 29, 75_862]]);
    expect(monthly(planSchedule({ firstDay: "2025-01-31", lastDay: "2025-01-31" }, [MONTHLY]))).toEqual([["2025-01", "2025-01-31", "2025-01-31", 1, 31, 6_452]]);
  });

  it("seed 001: a year from 1 Jan pays twelve full months to the receiving unit — 12 000.00", () => {
    const lines = planSchedule({ firstDay: "2026-01-01", lastDay: lastDayOfService("2026-01-01", 12) }, [POOL]);
    expect(lines).toHaveLength(12);
    expect(lines.every((l) => l.amountFen === 100_000 && l.payee === "RECEIVING_UNIT" && l.payer === "FUND_POOL")).toBe(true);
    expect(sumFen(lines.map((l) => l.amountFen))).toBe(1_200_000);
  });

  it("one-time items at departure are due the day before the first day; the award makes no line by itself", () => {
    const lines = planSchedule({ firstDay: "2024-03-01", lastDay: "2025-08-31" }, [OUTFIT, LIVING, AWARD]);
    expect(lines.map((l) => [l.itemId, l.slotKey, l.dueDate, l.amountFen, l.periodStart, l.periodEnd])).toEqual([
      ["outfit", "once", "2024-02-29", 1_000_000, "2024-03-01", "2025-08-31"],
      ["living", "once", "2024-02-29", 800_000, "2024-03-01", "2025-08-31"],
    ]);
    expect(slotsOf({ firstDay: "2024-03-01", lastDay: "2024-03-01" }, { kind: "ONE_TIME", startsAt: "ARRIVAL" })[0]!.dueDate).toBe("2024-03-01");
  });

  it("a cancelled dispatch, or a retired item, has no lines", () => {
    expect(planSchedule(null, [OUTFIT, MONTHLY])).toEqual([]);
    expect(planSchedule({ firstDay: "2024-03-01", lastDay: "2024-05-31" }, [{ ...MONTHLY, isActive: false }])).toEqual([]);
  });

  it("leave spanning months moves the last day; the months served are paid, the leave is not deducted", () => {
    // A year from 15 Jan 2026, with 20 days' leave 25 Mar – 13 Apr that extends the service by 20 days.
    const planned = lastDayOfService("2026-01-15", 12);
    expect(planned).toBe("2027-01-14");
    const lines = planSchedule({ firstDay: "2026-01-15", lastDay: addDays(planned, 20) }, [POOL]);
    expect(monthly(lines).slice(-2)).toEqual([
      ["2027-01", "2027-01-01", "2027-01-31", 31, 31, 100_000],
      ["2027-02", "2027-02-01", "2027-02-03", 3, 28, 10_714],
    ]);
    expect(monthly(lines)[2]).toEqual(["2026-03", "2026-03-01", "2026-03-31", 31, 31, 100_000]);
    expect(monthly(lines)[3]).toEqual(["2026-04", "2026-04-01", "2026-04-30", 30, 30, 100_000]);
  });
});

describe("regeneration: unpaid generated lines follow the service, paid lines never change", () => {
  const first = "2026-01-15";
  const before = { firstDay: first, lastDay: "2027-01-14" };

  it("the last day moves later: paid months stay, the unpaid last month grows and a new month is added", () => {
    const lines = planSchedule(before, [POOL]);
    const rows = existing(lines, (l) => l.slotKey < "2026-12");
    const result = reconcileSchedule({ firstDay: first, lastDay: "2027-02-03" }, [POOL], rows, "2026-12-03");
    // Paid lines are neither deleted nor replaced; the unpaid December line is kept as it was.
    const paidIds = rows.filter((r) => r.isPaid).map((r) => r.id);
    expect(result.deleteIds.filter((id) => paidIds.includes(id))).toEqual([]);
    expect(result.keptIds).toEqual([rows.find((r) => r.slotKey === "2026-12")!.id]);
    // January 2027 was 14/31; it becomes a full month, and February's first three days are added.
    expect(result.deleteIds).toEqual([rows.find((r) => r.slotKey === "2027-01")!.id]);
    expect(result.create.map((c) => [c.kind, c.slotKey, c.periodEnd, c.amountFen])).toEqual([
      ["SCHEDULED", "2027-01", "2027-01-31", 100_000],
      ["SCHEDULED", "2027-02", "2027-02-03", 10_714],
    ]);
  });

  it("an early end: months after the new last day go, the paid month cut short gets a negative adjusting line", () => {
    const lines = planSchedule(before, [POOL]);
    // Paid through November 2026; the service ends on 20 Nov instead.
    const rows = existing(lines, (l) => l.slotKey <= "2026-11");
    const result = reconcileSchedule({ firstDay: first, lastDay: "2026-11-20" }, [POOL], rows, "2026-11-25");
    expect(result.deleteIds.sort()).toEqual(rows.filter((r) => r.slotKey >= "2026-12").map((r) => r.id).sort());
    // November: 20 of 30 days should have been paid (666.67), 1 000.00 was: −333.33, due today.
    expect(result.create).toEqual([
      expect.objectContaining({ kind: "ADJUSTMENT", slotKey: "2026-11", amountFen: -33_333, paidFen: 100_000, dueDate: "2026-11-25", periodStart: "2026-11-01", periodEnd: "2026-11-20" }),
    ]);
    const paidTotal = sumFen(rows.filter((r) => r.isPaid).map((r) => r.amountFen));
    const expectedTotal = sumFen(planSchedule({ firstDay: first, lastDay: "2026-11-20" }, [POOL]).map((l) => l.amountFen));
    expect(paidTotal + result.create[0]!.amountFen).toBe(expectedTotal);
  });

  it("an early end before a paid month: the whole month comes back as a negative line", () => {
    const rows = existing(planSchedule(before, [POOL]), (l) => l.slotKey <= "2026-03");
    const result = reconcileSchedule({ firstDay: first, lastDay: "2026-02-28" }, [POOL], rows, "2026-03-05");
    expect(result.create).toEqual([expect.objectContaining({ kind: "ADJUSTMENT", slotKey: "2026-03", amountFen: -100_000, paidFen: 100_000 })]);
  });

  it("moved back again: the unpaid adjustment is replaced, never stacked", () => {
    const rows = existing(planSchedule(before, [POOL]), (l) => l.slotKey <= "2026-11");
    const cut = reconcileSchedule({ firstDay: first, lastDay: "2026-11-20" }, [POOL], rows, "2026-11-25");
    const afterCut: ExistingLine[] = [
      ...rows.filter((r) => !cut.deleteIds.includes(r.id)),
      ...cut.create.map((c, i) => ({ id: `A${i}`, isPaid: false, ...c })),
    ];
    const restored = reconcileSchedule(before, [POOL], afterCut, "2026-11-26");
    expect(restored.deleteIds).toEqual(["A0"]);
    expect(restored.create.map((c) => [c.kind, c.slotKey, c.amountFen])).toEqual([
      ["SCHEDULED", "2026-12", 100_000],
      ["SCHEDULED", "2027-01", 45_161],
    ]);
  });

  it("nothing changed: every unpaid line is kept, nothing is written", () => {
    const lines = planSchedule(before, [OUTFIT, POOL]);
    const rows = existing(lines, (l) => l.slotKey <= "2026-06");
    const result = reconcileSchedule(before, [OUTFIT, POOL], rows, "2026-07-01");
    expect(result.create).toEqual([]);
    expect(result.deleteIds).toEqual([]);
    expect(result.keptIds).toHaveLength(rows.filter((r) => !r.isPaid).length);
  });

  it("a paid one-time item is not adjusted when the service moves (it is not pro-rated)", () => {
    const rows = existing(planSchedule(before, [OUTFIT]), () => true);
    expect(reconcileSchedule({ firstDay: first, lastDay: "2026-05-31" }, [OUTFIT], rows, "2026-06-01")).toEqual({ deleteIds: [], create: [], keptIds: [] });
  });

  it("a cancelled dispatch: unpaid lines go, paid ones come back as negative lines", () => {
    const rows = existing(planSchedule(before, [OUTFIT, POOL]), (l) => l.itemId === "outfit");
    const result = reconcileSchedule(null, [OUTFIT, POOL], rows, "2026-01-10");
    expect(result.deleteIds).toHaveLength(13);
    expect(result.create).toEqual([expect.objectContaining({ kind: "ADJUSTMENT", itemId: "outfit", amountFen: -1_000_000 })]);
  });
});

describe("editing the policy applies to lines not yet due", () => {
  const service = { firstDay: "2026-01-01", lastDay: "2026-12-31" };

  it("a new amount replaces unpaid lines not yet due; lines already due (paid or not) keep the old rate", () => {
    const rows = existing(planSchedule(service, [POOL]), (l) => l.slotKey <= "2026-10");
    const raised = { ...POOL, amountFen: 120_000 };
    // On 3 Dec: November (unpaid, due 1 Nov) and December (due 1 Dec) have fallen due and keep 1 000.
    const result = reconcileSchedule(service, [raised], rows, "2026-12-03");
    expect(result.create).toEqual([]);
    expect(result.deleteIds).toEqual([]);
    // On 30 Nov, December is not yet due: it takes the new amount.
    const earlier = reconcileSchedule(service, [raised], rows, "2026-11-30");
    expect(earlier.deleteIds).toEqual([rows.find((r) => r.slotKey === "2026-12")!.id]);
    expect(earlier.create.map((c) => [c.slotKey, c.rateFen, c.amountFen])).toEqual([["2026-12", 120_000, 120_000]]);
  });

  it("a retired item: lines not yet due go, lines already due stay", () => {
    const rows = existing(planSchedule(service, [POOL]), (l) => l.slotKey <= "2026-06");
    const result = reconcileSchedule(service, [{ ...POOL, isActive: false }], rows, "2026-08-15");
    expect(result.deleteIds.sort()).toEqual(rows.filter((r) => r.slotKey >= "2026-09").map((r) => r.id).sort());
    expect(result.keptIds.sort()).toEqual(rows.filter((r) => r.slotKey === "2026-07" || r.slotKey === "2026-08").map((r) => r.id).sort());
    expect(result.create).toEqual([]);
  });

  it("a new payer applies to unpaid lines not yet due; paid lines keep who paid them", () => {
    const rows = existing(planSchedule(service, [POOL]), (l) => l.slotKey <= "2026-06");
    const result = reconcileSchedule(service, [{ ...POOL, payer: "BUREAU_FINANCE" }], rows, "2026-06-15");
    expect(result.create.every((c) => c.payer === "BUREAU_FINANCE")).toBe(true);
    expect(result.create.map((c) => c.slotKey)).toEqual(["2026-07", "2026-08", "2026-09", "2026-10", "2026-11", "2026-12"]);
    expect(result.deleteIds).toHaveLength(6);
  });
});
