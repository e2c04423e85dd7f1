import "server-only";
import { z } from "zod";
import { allowanceDispatchWhere, allowanceLineWhere, authorize, can, programWhere, type Scope } from "../auth/policy";
import { monthBounds, monthOf, nextMonth, type AllowancePayer } from "../domain/allowance-schedule";
import { isoDay } from "../domain/eligibility/calendar";
import { sumFen } from "../domain/money";
import { dayDate } from "../domain/service-period";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { FINANCE_DEFAULT_SORT, financeListFields, financeMonthQuerySchema, paymentSheetQuerySchema, totalsQuerySchema, type FINANCE_SORT_KEYS } from "../schemas/allowances";
import { orderOf, pageArgs, toPage, type Page, type SortDir } from "../schemas/list-query";
import { allowancePayerOrgOf, itemSelect } from "./allowances";
import { shanghaiToday } from "./allowance-schedule";
import { visibleOr } from "./kit";

// The read side of allowances: a programme's policy, a dispatch's schedule, finance's month (what
// is due, per payer, and what was paid in it), and totals by programme, payer, month and item —
// every list and total filtered by the policy's allowanceLineWhere and summed in SQL.

export const lineSelect = {
  id: true,
  kind: true,
  isGenerated: true,
  slotKey: true,
  periodStart: true,
  periodEnd: true,
  dueDate: true,
  daysServed: true,
  monthDays: true,
  rateFen: true,
  amountFen: true,
  payer: true,
  payee: true,
  reason: true,
  paidBeforeFen: true,
  adjustsLineId: true,
  status: true,
  voucherNumber: true,
  paidOn: true,
  paidAt: true,
  item: { select: { id: true, name: true, kind: true } },
  paidBy: { select: { displayName: true } },
  dispatch: {
    select: {
      id: true,
      startDate: true,
      lastDay: true,
      doctor: { select: { id: true, name: true, employerId: true, employer: { select: { name: true } } } },
      receivingOrg: { select: { id: true, name: true } },
      program: { select: { id: true, name: true, bureauId: true, bureau: { select: { name: true } } } },
    },
  },
} as const satisfies Prisma.AllowanceLineSelect;

export type LineRow = Prisma.AllowanceLineGetPayload<{ select: typeof lineSelect }>;

/** Who receives a line's money, and the name on the account (户名): the doctor, or the receiving unit. */
export function payeeOf(line: Pick<LineRow, "payee" | "dispatch">): { name: string; accountHolder: string } {
  return line.payee === "DOCTOR"
    ? { name: line.dispatch.doctor.name, accountHolder: line.dispatch.doctor.name }
    : { name: line.dispatch.receivingOrg.name, accountHolder: line.dispatch.receivingOrg.name };
}

/** Who pays a line, by name: the doctor's employer, or the programme's bureau (its finance office or fund pool). */
export function payerNameOf(line: Pick<LineRow, "payer" | "dispatch">): string {
  return line.payer === "DISPATCHING_UNIT" ? line.dispatch.doctor.employer.name : line.dispatch.program.bureau.name;
}

/** Whether the caller may mark this line paid (finance of the paying organisation, line unpaid). */
export function canPay(scope: Scope, line: Pick<LineRow, "payer" | "status" | "dispatch">): boolean {
  return line.status === "UNPAID" && can(scope, "allowance.pay", { organizationId: allowancePayerOrgOf(line) });
}

/** A programme's policy: its items, the lines' totals per item, and what the caller may do. */
export async function programAllowances(db: PrismaClient, scope: Scope, programId: string) {
  authorize(scope, "allowance.read");
  const program = visibleOr(
    await db.program.findFirst({ where: { AND: [{ id: programId }, programWhere(scope)] }, select: { id: true, name: true, kind: true, year: true, bureauId: true, bureau: { select: { name: true } } } }),
  );
  const lineScope = { AND: [{ dispatch: { programId } }, allowanceLineWhere(scope)] } satisfies Prisma.AllowanceLineWhereInput;
  const [items, sums, dispatchCount] = await Promise.all([
    db.allowanceItem.findMany({ where: { programId }, select: itemSelect, orderBy: [{ sortOrder: "asc" }, { name: "asc" }] }),
    db.allowanceLine.groupBy({ by: ["itemId", "status"], where: lineScope, _sum: { amountFen: true }, _count: { _all: true } }),
    db.dispatch.count({ where: { AND: [{ programId }, allowanceDispatchWhere(scope)] } }),
  ]);
  const totals = new Map<string, { paidFen: number; unpaidFen: number; lines: number }>();
  for (const s of sums) {
    const t = totals.get(s.itemId) ?? { paidFen: 0, unpaidFen: 0, lines: 0 };
    if (s.status === "PAID") t.paidFen += s._sum.amountFen ?? 0;
    else t.unpaidFen += s._sum.amountFen ?? 0;
    t.lines += s._count._all;
    totals.set(s.itemId, t);
  }
  return {
    program,
    dispatchCount,
    items: items.map((i) => ({ ...i, totals: totals.get(i.id) ?? { paidFen: 0, unpaidFen: 0, lines: 0 } })),
    can: { manage: can(scope, "allowance.manage", { organizationId: program.bureauId }), finance: can(scope, "allowance.finance") },
  };
}

/** A dispatch's schedule: every line the caller may see, oldest due first, with its totals. */
export async function dispatchSchedule(db: PrismaClient, scope: Scope, dispatchId: string) {
  authorize(scope, "allowance.read");
  const dispatch = visibleOr(
    await db.dispatch.findFirst({
      where: { AND: [{ id: dispatchId }, allowanceDispatchWhere(scope)] },
      select: {
        id: true,
        status: true,
        startDate: true,
        plannedLastDay: true,
        lastDay: true,
        doctor: { select: { name: true, employer: { select: { name: true } } } },
        receivingOrg: { select: { name: true } },
        post: { select: { title: true } },
        program: { select: { id: true, name: true, bureauId: true } },
      },
    }),
  );
  const where = { AND: [{ dispatchId }, allowanceLineWhere(scope)] } satisfies Prisma.AllowanceLineWhereInput;
  const [lines, eventItems] = await Promise.all([
    db.allowanceLine.findMany({ where, select: lineSelect, orderBy: [{ dueDate: "asc" }, { item: { sortOrder: "asc" } }, { createdAt: "asc" }] }),
    db.allowanceItem.findMany({ where: { programId: dispatch.program.id, kind: "PER_EVENT", isActive: true }, select: { id: true, name: true, amountFen: true }, orderBy: { sortOrder: "asc" } }),
  ]);
  const paidFen = sumFen(lines.filter((l) => l.status === "PAID").map((l) => l.amountFen));
  const totalFen = sumFen(lines.map((l) => l.amountFen));
  const manage = can(scope, "allowance.manage", { organizationId: dispatch.program.bureauId });
  return {
    dispatch,
    lines: lines.map((l) => ({ ...l, can: { pay: canPay(scope, l), adjust: manage && l.status === "PAID" } })),
    totals: { totalFen, paidFen, unpaidFen: totalFen - paidFen },
    eventItems: manage ? eventItems : [],
    can: { manage, pay: can(scope, "allowance.pay") },
  };
}

export const FINANCE_PAGE_SIZE = 100;
const pageField = z.coerce.number().int().min(1).max(100_000).catch(1).default(1);

/** The month's lines: unpaid and due by its last day (overdue ones included), or paid in it. */
function monthWhere(scope: Scope, month: string, status: "due" | "paid" | "all", payer?: AllowancePayer, programId?: string): Prisma.AllowanceLineWhereInput {
  const { first, last } = monthBounds(month);
  const due: Prisma.AllowanceLineWhereInput = { status: "UNPAID", dueDate: { lte: dayDate(last) } };
  const paid: Prisma.AllowanceLineWhereInput = { status: "PAID", paidOn: { gte: dayDate(first), lte: dayDate(last) } };
  const filters: Prisma.AllowanceLineWhereInput[] = [allowanceLineWhere(scope), status === "due" ? due : status === "paid" ? paid : { OR: [due, paid] }];
  if (payer) filters.push({ payer });
  if (programId) filters.push({ dispatch: { programId } });
  return { AND: filters };
}

const financeOrder = [
  { payer: "asc" },
  { dispatch: { program: { name: "asc" } } },
  { dispatch: { doctor: { name: "asc" } } },
  { dueDate: "asc" },
  { id: "asc" },
] as const satisfies Prisma.AllowanceLineOrderByWithRelationInput[];

/** The month's lines in the column chosen, then as the payment sheet orders them (ending on the id, so pages never overlap). */
const financeOrders: Record<(typeof FINANCE_SORT_KEYS)[number], (dir: SortDir) => Prisma.AllowanceLineOrderByWithRelationInput[]> = {
  payer: (dir) => [{ payer: dir }],
  doctor: (dir) => [{ dispatch: { doctor: { name: dir } } }],
  dueDate: (dir) => [{ dueDate: dir }],
  amount: (dir) => [{ amountFen: dir }],
};

export interface PayerTotals {
  payer: AllowancePayer;
  dueFen: number;
  dueLines: number;
  overdueLines: number;
  paidFen: number;
  paidLines: number;
}

/**
 * Finance's month: per payer what is due (unpaid lines due by the month's end, overdue ones counted
 * apart) and what was paid in the month, summed in SQL; and one page of lines (due, or paid).
 */
export async function financeMonth(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()) {
  authorize(scope, "allowance.read");
  const query = financeMonthQuerySchema.extend(paymentSheetQuerySchema.pick({ status: true }).shape).extend({ page: pageField, ...financeListFields }).parse(raw ?? {});
  const pageSize = query.size ?? FINANCE_PAGE_SIZE;
  const today = shanghaiToday(now);
  const month = query.month ?? monthOf(today);
  const status = query.status === "paid" ? "paid" : "due";
  const { first } = monthBounds(month);
  const base = (s: "due" | "paid") => monthWhere(scope, month, s, undefined, query.programId);
  const where = monthWhere(scope, month, status, query.payer, query.programId);
  const [dueSums, overdue, paidSums, rows, total, programs] = await Promise.all([
    db.allowanceLine.groupBy({ by: ["payer"], where: base("due"), _sum: { amountFen: true }, _count: { _all: true } }),
    db.allowanceLine.groupBy({ by: ["payer"], where: { AND: [base("due"), { dueDate: { lt: dayDate(first) } }] }, _count: { _all: true } }),
    db.allowanceLine.groupBy({ by: ["payer"], where: base("paid"), _sum: { amountFen: true }, _count: { _all: true } }),
    db.allowanceLine.findMany({ where, select: lineSelect, orderBy: orderOf(financeOrders, query, FINANCE_DEFAULT_SORT, [...financeOrder]), ...pageArgs(query, pageSize) }),
    db.allowanceLine.count({ where }),
    db.program.findMany({ where: { AND: [programWhere(scope), { allowanceItems: { some: {} } }] }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const payers = new Map<AllowancePayer, PayerTotals>();
  const totalsOf = (payer: AllowancePayer) => payers.get(payer) ?? payers.set(payer, { payer, dueFen: 0, dueLines: 0, overdueLines: 0, paidFen: 0, paidLines: 0 }).get(payer)!;
  for (const s of dueSums) Object.assign(totalsOf(s.payer), { dueFen: s._sum.amountFen ?? 0, dueLines: s._count._all });
  for (const s of overdue) totalsOf(s.payer).overdueLines = s._count._all;
  for (const s of paidSums) Object.assign(totalsOf(s.payer), { paidFen: s._sum.amountFen ?? 0, paidLines: s._count._all });
  const page: Page<LineRow & { can: { pay: boolean }; isOverdue: boolean }> = toPage(
    rows.map((l) => ({ ...l, can: { pay: canPay(scope, l) }, isOverdue: l.status === "UNPAID" && isoDay(l.dueDate) < first })),
    total,
    query,
    pageSize,
  );
  return {
    month,
    today,
    status,
    payer: query.payer ?? null,
    programId: query.programId ?? null,
    sort: query.sort,
    dir: query.dir,
    size: query.size,
    previousMonth: previousMonth(month),
    nextMonth: nextMonth(month),
    payers: [...payers.values()].sort((a, b) => a.payer.localeCompare(b.payer)),
    programs,
    page,
    can: { pay: can(scope, "allowance.pay"), finance: can(scope, "allowance.finance") },
  };
}

function previousMonth(month: string): string {
  const [year, m] = month.split("-").map(Number) as [number, number];
  return m === 1 ? `${year - 1}-12` : `${year}-${String(m - 1).padStart(2, "0")}`;
}

/** Every line of the payment sheet (no paging): the month's lines for the payer(s), as finance prints them. */
export async function paymentSheetLines(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()) {
  authorize(scope, "allowance.finance");
  const query = paymentSheetQuerySchema.parse(raw ?? {});
  const month = query.month ?? monthOf(shanghaiToday(now));
  const lines = await db.allowanceLine.findMany({ where: monthWhere(scope, month, query.status ?? "all", query.payer, query.programId), select: lineSelect, orderBy: [...financeOrder] });
  return { month, payer: query.payer ?? null, status: query.status ?? "all", lines };
}

export interface TotalsRow {
  month: string;
  payer: AllowancePayer;
  itemId: string;
  itemName: string;
  programId: string;
  programName: string;
  paidFen: number;
  unpaidFen: number;
  lines: number;
}

/**
 * Totals by programme, payer, month (of the due date) and item, over a range of months: SQL sums per
 * item and due day, folded into months here (whole fen: the fold is exact). Every row is the sum of
 * the lines the caller may see, so the totals match the lines to the fen.
 */
export async function allowanceTotals(db: PrismaClient, scope: Scope, raw: unknown, programId?: string, now = new Date()) {
  authorize(scope, "allowance.finance");
  const query = totalsQuerySchema.parse(raw ?? {});
  const today = shanghaiToday(now);
  const to = query.to ?? monthOf(today);
  const from = query.from && query.from <= to ? query.from : `${Number(to.slice(0, 4)) - 1}-${to.slice(5)}`;
  const where: Prisma.AllowanceLineWhereInput = {
    AND: [allowanceLineWhere(scope), { dueDate: { gte: dayDate(monthBounds(from).first), lte: dayDate(monthBounds(to).last) } }, ...(programId ? [{ dispatch: { programId } }] : [])],
  };
  const groups = await db.allowanceLine.groupBy({ by: ["itemId", "payer", "status", "dueDate"], where, _sum: { amountFen: true }, _count: { _all: true } });
  const items = await db.allowanceItem.findMany({
    where: { id: { in: [...new Set(groups.map((g) => g.itemId))] } },
    select: { id: true, name: true, sortOrder: true, program: { select: { id: true, name: true } } },
  });
  const itemOf = new Map(items.map((i) => [i.id, i]));
  const rows = new Map<string, TotalsRow>();
  for (const g of groups) {
    const month = monthOf(isoDay(g.dueDate));
    const item = itemOf.get(g.itemId)!;
    const key = `${month}|${g.payer}|${g.itemId}`;
    const row = rows.get(key) ?? { month, payer: g.payer, itemId: g.itemId, itemName: item.name, programId: item.program.id, programName: item.program.name, paidFen: 0, unpaidFen: 0, lines: 0 };
    if (g.status === "PAID") row.paidFen += g._sum.amountFen ?? 0;
    else row.unpaidFen += g._sum.amountFen ?? 0;
    row.lines += g._count._all;
    rows.set(key, row);
  }
  const sorted = [...rows.values()].sort((a, b) => a.month.localeCompare(b.month) || a.payer.localeCompare(b.payer) || a.programName.localeCompare(b.programName) || a.itemName.localeCompare(b.itemName));
  return { from, to, rows: sorted, grandTotal: { paidFen: sumFen(sorted.map((r) => r.paidFen)), unpaidFen: sumFen(sorted.map((r) => r.unpaidFen)), lines: sorted.reduce((n, r) => n + r.lines, 0) } };
}
