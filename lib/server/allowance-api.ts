import "server-only";
import type { Scope } from "../auth/policy";
import { isoDay } from "../domain/eligibility/calendar";
import type { AllowanceLine, PrismaClient } from "../generated/prisma/client";
import { dueQuerySchema } from "../schemas/allowances";
import { parse } from "./kit";
import { dispatchSchedule, financeMonth, payeeOf, payerNameOf, programAllowances, type LineRow } from "./allowance-queries";

// The JSON of the allowance endpoints: the queries' answers with calendar days as "YYYY-MM-DD" and
// the names a payment needs (payer, payee, account holder), money left in whole fen. Shapes:
// lib/api/allowance-responses.ts.

type CoreFields = Pick<
  AllowanceLine,
  "id" | "dispatchId" | "itemId" | "kind" | "isGenerated" | "periodStart" | "periodEnd" | "dueDate" | "daysServed" | "monthDays" | "rateFen" | "amountFen" | "payer" | "payee" | "reason" | "paidBeforeFen" | "adjustsLineId" | "status" | "voucherNumber" | "paidOn"
>;

/** A stored line's own fields, days as "YYYY-MM-DD". */
export function lineCoreJson(l: CoreFields) {
  return {
    id: l.id,
    dispatchId: l.dispatchId,
    itemId: l.itemId,
    kind: l.kind,
    isGenerated: l.isGenerated,
    periodStart: isoDay(l.periodStart),
    periodEnd: isoDay(l.periodEnd),
    dueDate: isoDay(l.dueDate),
    daysServed: l.daysServed,
    monthDays: l.monthDays,
    rateFen: l.rateFen,
    amountFen: l.amountFen,
    payer: l.payer,
    payee: l.payee,
    reason: l.reason,
    paidBeforeFen: l.paidBeforeFen,
    adjustsLineId: l.adjustsLineId,
    status: l.status,
    voucherNumber: l.voucherNumber,
    paidOn: l.paidOn ? isoDay(l.paidOn) : null,
  };
}

function lineJson(l: LineRow & { dispatchId?: string; itemId?: string; can: { pay: boolean } }) {
  const payee = payeeOf(l);
  return {
    ...lineCoreJson({ ...l, dispatchId: l.dispatch.id, itemId: l.item.id }),
    itemName: l.item.name,
    doctorName: l.dispatch.doctor.name,
    programName: l.dispatch.program.name,
    payerName: payerNameOf(l),
    payeeName: payee.name,
    accountHolder: payee.accountHolder,
    can: { pay: l.can.pay },
  };
}

export async function policyJson(db: PrismaClient, scope: Scope, programId: string) {
  const data = await programAllowances(db, scope, programId);
  return { program: { id: data.program.id, name: data.program.name, bureauName: data.program.bureau.name }, dispatchCount: data.dispatchCount, items: data.items, can: data.can };
}

export async function scheduleJson(db: PrismaClient, scope: Scope, dispatchId: string) {
  const { dispatch: d, lines, totals, can } = await dispatchSchedule(db, scope, dispatchId);
  return {
    dispatch: { id: d.id, status: d.status, startDate: isoDay(d.startDate), lastDay: isoDay(d.lastDay), doctorName: d.doctor.name, receivingOrgName: d.receivingOrg.name, programId: d.program.id, programName: d.program.name },
    lines: lines.map(lineJson),
    totals,
    can,
  };
}

export async function dueJson(db: PrismaClient, scope: Scope, search: URLSearchParams) {
  const query = parse(dueQuerySchema, Object.fromEntries(search));
  const m = await financeMonth(db, scope, query);
  return { month: m.month, today: m.today, status: m.status, payers: m.payers, rows: m.page.rows.map(lineJson), total: m.page.total, page: m.page.page, pageCount: m.page.pageCount };
}

