// A dispatch's allowance schedule (DOMAIN.md "Allowances"): from the programme's items and the days
// of service, the lines to pay — one per one-time item, one per item and calendar month for monthly
// items — and, when the service or the policy changes, what to do with the lines already there.
// Pure: no I/O; days are "YYYY-MM-DD"; money is whole fen (lib/domain/money.ts).
//
// The rules, shown to users beside the figures:
// - A monthly item pays its month's amount for every calendar month served in full; a month served in
//   part pays amount × days served in it ÷ days of that month, rounded half up to the fen, once per
//   line. A total is the sum of its lines, so totals always add up.
// - A one-time item is due on the first day of service when it starts at arrival, and the day before
//   (before leaving) when it starts at departure. A monthly line is due on its first day.
// - Regeneration (the last day moved, the policy edited) replaces generated lines not yet paid; paid
//   lines are never touched: where a paid month no longer matches, an adjusting line carries the
//   difference (positive or negative). Lines staff added by hand (events, corrections) stay as they are.
// - A slot (an item's month, or its one-time payment) keeps the rate that was in force when it fell
//   due: editing an item's amount applies to lines not yet due.
import { prorateFen, sumFen } from "./money";
import { addDays, daysFrom, daysInMonth, overlap } from "./service-period";

export const ALLOWANCE_KINDS = ["ONE_TIME", "MONTHLY", "PER_EVENT"] as const;
export type AllowanceKind = (typeof ALLOWANCE_KINDS)[number];
export const ALLOWANCE_PAYERS = ["DISPATCHING_UNIT", "BUREAU_FINANCE", "FUND_POOL"] as const;
export type AllowancePayer = (typeof ALLOWANCE_PAYERS)[number];
export const ALLOWANCE_PAYEES = ["DOCTOR", "RECEIVING_UNIT"] as const;
export type AllowancePayee = (typeof ALLOWANCE_PAYEES)[number];
export const ALLOWANCE_STARTS = ["DEPARTURE", "ARRIVAL"] as const;
export type AllowanceStart = (typeof ALLOWANCE_STARTS)[number];
export type LineKind = "SCHEDULED" | "ADJUSTMENT" | "EVENT";

/** The slot key of a one-time item's line (a monthly item's slot is its month, "2026-12"). */
export const ONCE = "once";

export interface ScheduleItem {
  id: string;
  kind: AllowanceKind;
  amountFen: number;
  payer: AllowancePayer;
  payee: AllowancePayee;
  startsAt: AllowanceStart;
  /** A retired item makes no new lines; its slots already due keep theirs. */
  isActive: boolean;
}

/** The days of service: first..last, both included; null for a dispatch that will not happen (cancelled). */
export type ServiceDays = { firstDay: string; lastDay: string } | null;

export interface PlannedLine {
  itemId: string;
  slotKey: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  /** Days served in the month (monthly items); null for one-time items. */
  daysServed: number | null;
  /** Days of that calendar month (monthly items); null for one-time items. */
  monthDays: number | null;
  /** The item's full amount the line was computed from (a month's rate, or the one-time amount). */
  rateFen: number;
  amountFen: number;
  payer: AllowancePayer;
  payee: AllowancePayee;
}

/** "2026-12" of a day. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** The first and last day of a month "YYYY-MM". */
export function monthBounds(month: string): { first: string; last: string } {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return { first: `${month}-01`, last: `${month}-${String(daysInMonth(year, m)).padStart(2, "0")}` };
}

/** The month after "YYYY-MM". */
export function nextMonth(month: string): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, "0")}`;
}

interface Slot {
  slotKey: string;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  daysServed: number | null;
  monthDays: number | null;
}

/** The slots an item fills over the service: one-time → one; monthly → each calendar month served; per event → none. */
export function slotsOf(service: ServiceDays, item: Pick<ScheduleItem, "kind" | "startsAt">): Slot[] {
  if (!service || daysFrom(service.firstDay, service.lastDay) < 0) return [];
  if (item.kind === "ONE_TIME") {
    const dueDate = item.startsAt === "DEPARTURE" ? addDays(service.firstDay, -1) : service.firstDay;
    return [{ slotKey: ONCE, periodStart: service.firstDay, periodEnd: service.lastDay, dueDate, daysServed: null, monthDays: null }];
  }
  if (item.kind !== "MONTHLY") return [];
  const slots: Slot[] = [];
  const lastMonth = monthOf(service.lastDay);
  for (let month = monthOf(service.firstDay); month <= lastMonth; month = nextMonth(month)) {
    const bounds = monthBounds(month);
    const served = overlap({ first: bounds.first, last: bounds.last }, { first: service.firstDay, last: service.lastDay });
    if (!served) continue;
    const monthDays = daysFrom(bounds.first, bounds.last) + 1;
    const daysServed = daysFrom(served.first, served.last) + 1;
    slots.push({ slotKey: month, periodStart: served.first, periodEnd: served.last, dueDate: served.first, daysServed, monthDays });
  }
  return slots;
}

function lineOf(item: ScheduleItem, slot: Slot, rateFen: number): PlannedLine {
  const amountFen = slot.daysServed === null ? rateFen : prorateFen(rateFen, slot.daysServed, slot.monthDays!);
  return { itemId: item.id, ...slot, rateFen, amountFen, payer: item.payer, payee: item.payee };
}

/** A fresh dispatch's schedule: every active item's lines at today's amounts. */
export function planSchedule(service: ServiceDays, items: readonly ScheduleItem[]): PlannedLine[] {
  return items.filter((i) => i.isActive).flatMap((item) => slotsOf(service, item).map((slot) => lineOf(item, slot, item.amountFen)));
}

/** A generated line already in the database (lines staff added by hand are not the schedule's to change). */
export interface ExistingLine {
  id: string;
  itemId: string;
  slotKey: string;
  kind: "SCHEDULED" | "ADJUSTMENT";
  isPaid: boolean;
  amountFen: number;
  rateFen: number;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  payer: AllowancePayer;
  payee: AllowancePayee;
}

export interface DesiredLine extends PlannedLine {
  kind: "SCHEDULED" | "ADJUSTMENT";
  /** For an adjustment: what was paid for the slot and what it should have been. */
  paidFen: number | null;
}

export interface Reconciliation {
  /** Unpaid generated lines to delete. */
  deleteIds: string[];
  /** Lines to insert. */
  create: DesiredLine[];
  /** Unpaid generated lines that stay as they are. */
  keptIds: string[];
}

function sameLine(a: ExistingLine, b: DesiredLine): boolean {
  return (
    a.kind === b.kind &&
    a.amountFen === b.amountFen &&
    a.rateFen === b.rateFen &&
    a.periodStart === b.periodStart &&
    a.periodEnd === b.periodEnd &&
    (a.kind === "ADJUSTMENT" || a.dueDate === b.dueDate) &&
    a.payer === b.payer &&
    a.payee === b.payee
  );
}

/**
 * What to change so that the generated lines match the service and the policy as they are now, paid
 * lines untouched. `today` decides which slots have fallen due (due on or before today): those keep
 * the rate they fell due at, and a retired item's due slots stay; an adjustment is due no earlier
 * than today.
 */
export function reconcileSchedule(service: ServiceDays, items: readonly ScheduleItem[], existing: readonly ExistingLine[], today: string): Reconciliation {
  const key = (itemId: string, slotKey: string) => `${itemId}|${slotKey}`;
  const bySlot = new Map<string, ExistingLine[]>();
  for (const line of existing) {
    const k = key(line.itemId, line.slotKey);
    const list = bySlot.get(k) ?? [];
    list.push(line);
    bySlot.set(k, list);
  }
  const planned = new Map<string, PlannedLine>();
  for (const item of items) {
    for (const slot of slotsOf(service, item)) {
      const lines = bySlot.get(key(item.id, slot.slotKey)) ?? [];
      const fellDue = lines.filter((l) => l.dueDate <= today).sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "SCHEDULED" ? -1 : 1));
      const frozenRate = fellDue[0]?.rateFen;
      if (!item.isActive && frozenRate === undefined) continue;
      planned.set(key(item.id, slot.slotKey), lineOf(item, slot, frozenRate ?? item.amountFen));
    }
  }
  const itemOf = new Map(items.map((i) => [i.id, i]));
  const out: Reconciliation = { deleteIds: [], create: [], keptIds: [] };
  const slotKeys = new Set([...planned.keys(), ...bySlot.keys()]);
  for (const k of [...slotKeys].sort()) {
    const want = planned.get(k);
    const lines = bySlot.get(k) ?? [];
    const paid = lines.filter((l) => l.isPaid);
    const unpaid = lines.filter((l) => !l.isPaid);
    let desired: DesiredLine | null = null;
    if (paid.length === 0) {
      if (want && want.amountFen !== 0) desired = { ...want, kind: "SCHEDULED", paidFen: null };
    } else {
      const paidFen = sumFen(paid.map((l) => l.amountFen));
      const diff = (want?.amountFen ?? 0) - paidFen;
      if (diff !== 0) {
        const basis = want ?? paid[0]!;
        const item = itemOf.get(basis.itemId);
        const dueDate = want && want.dueDate > today ? want.dueDate : today;
        desired = {
          itemId: basis.itemId,
          slotKey: basis.slotKey,
          periodStart: basis.periodStart,
          periodEnd: basis.periodEnd,
          dueDate,
          daysServed: want?.daysServed ?? null,
          monthDays: want?.monthDays ?? null,
          rateFen: want?.rateFen ?? paid[0]!.rateFen,
          amountFen: diff,
          payer: item?.payer ?? paid[0]!.payer,
          payee: item?.payee ?? paid[0]!.payee,
          kind: "ADJUSTMENT",
          paidFen,
        };
      }
    }
    const keep = desired && unpaid.length === 1 && sameLine(unpaid[0]!, desired);
    if (keep) {
      out.keptIds.push(unpaid[0]!.id);
    } else {
      out.deleteIds.push(...unpaid.map((l) => l.id));
      if (desired) out.create.push(desired);
    }
  }
  return out;
}
