import { z } from "zod";
import { ALLOWANCE_KINDS, ALLOWANCE_PAYEES, ALLOWANCE_PAYERS, ALLOWANCE_STARTS } from "../domain/allowance-schedule";

// The answers of the allowance endpoints (issue 13), for the OpenAPI document. Money is whole fen
// (integers: 1 yuan = 100 fen) in every field named …Fen; calendar days are "YYYY-MM-DD".

const day = z.string().meta({ description: "Calendar day, YYYY-MM-DD" });
const fen = (description: string) => z.number().int().meta({ description: `${description}, in whole fen (1 yuan = 100 fen)` });
const payer = z.enum(ALLOWANCE_PAYERS).meta({ description: "DISPATCHING_UNIT (the doctor's employer), BUREAU_FINANCE (the programme's bureau), FUND_POOL (the bureau's fund pool, 资金池)" });
const payee = z.enum(ALLOWANCE_PAYEES);

export const allowanceItemSchema = z
  .object({
    id: z.string(),
    programId: z.string(),
    name: z.string(),
    kind: z.enum(ALLOWANCE_KINDS),
    amountFen: fen("The item's amount: a month's rate for MONTHLY, the payment for ONE_TIME and PER_EVENT"),
    payer,
    payee,
    startsAt: z.enum(ALLOWANCE_STARTS),
    note: z.string().nullable(),
    isActive: z.boolean(),
    sortOrder: z.number().int(),
    version: z.number().int().meta({ description: "Send it back when editing (409 staleVersion when someone changed the item since)" }),
  })
  .meta({ id: "AllowanceItem" });

const regeneratedSchema = z
  .object({ dispatches: z.number().int(), created: z.number().int(), deleted: z.number().int(), kept: z.number().int() })
  .meta({ id: "AllowanceRegeneration", description: "What the change did to the programme's schedules: unpaid lines not yet due replaced; paid lines never touched" });

export const allowancePolicySchema = z
  .object({
    program: z.object({ id: z.string(), name: z.string(), bureauName: z.string() }),
    dispatchCount: z.number().int(),
    items: z.array(allowanceItemSchema.extend({ totals: z.object({ paidFen: fen("Paid on the item"), unpaidFen: fen("Not yet paid on the item"), lines: z.number().int() }) })),
    can: z.object({ manage: z.boolean(), finance: z.boolean() }),
  })
  .meta({ id: "AllowancePolicy" });

export const allowanceItemWriteSchema = z.object({ item: allowanceItemSchema, regenerated: regeneratedSchema }).meta({ id: "AllowanceItemWritten" });
export const allowanceTemplateResultSchema = z.object({ added: z.array(allowanceItemSchema), regenerated: regeneratedSchema }).meta({ id: "AllowanceTemplateApplied" });

/** A line as stored: the fields every answer about a line carries. */
export const allowanceLineCoreSchema = z
  .object({
    id: z.string(),
    dispatchId: z.string(),
    itemId: z.string(),
    kind: z.enum(["SCHEDULED", "ADJUSTMENT", "EVENT"]),
    isGenerated: z.boolean().meta({ description: "Generated from the policy (regenerated while unpaid); false for lines staff added by hand" }),
    periodStart: day,
    periodEnd: day,
    dueDate: day,
    daysServed: z.number().int().nullable().meta({ description: "MONTHLY lines: days served in the month; amountFen = round half up(rateFen × daysServed ÷ monthDays)" }),
    monthDays: z.number().int().nullable(),
    rateFen: fen("The item's amount the line was computed from"),
    amountFen: fen("The line's amount (negative for an adjustment that takes back an overpayment)"),
    payer,
    payee,
    reason: z.string().nullable(),
    paidBeforeFen: z.number().int().nullable().meta({ description: "Adjustments: what had been paid on the slot, in fen" }),
    adjustsLineId: z.string().nullable(),
    status: z.enum(["UNPAID", "PAID"]),
    voucherNumber: z.string().nullable(),
    paidOn: day.nullable(),
  })
  .meta({ id: "AllowanceLineCore" });

export const allowanceLineSchema = allowanceLineCoreSchema
  .extend({
    itemName: z.string(),
    doctorName: z.string(),
    programName: z.string(),
    payerName: z.string().meta({ description: "The paying organisation: the doctor's employer, or the programme's bureau" }),
    payeeName: z.string(),
    accountHolder: z.string().meta({ description: "The name on the receiving account (户名)" }),
    can: z.object({ pay: z.boolean() }),
  })
  .meta({ id: "AllowanceLine" });

const totalsSchema = z.object({ totalFen: fen("Sum of the lines"), paidFen: fen("Sum of the paid lines"), unpaidFen: fen("Sum of the unpaid lines") });

export const allowanceScheduleSchema = z
  .object({
    dispatch: z.object({ id: z.string(), status: z.string(), startDate: day, lastDay: day, doctorName: z.string(), receivingOrgName: z.string(), programId: z.string(), programName: z.string() }),
    lines: z.array(allowanceLineSchema),
    totals: totalsSchema,
    can: z.object({ manage: z.boolean(), pay: z.boolean() }),
  })
  .meta({ id: "AllowanceSchedule" });

export const allowanceDueSchema = z
  .object({
    month: z.string().meta({ description: "YYYY-MM" }),
    today: day,
    status: z.enum(["due", "paid"]),
    payers: z.array(z.object({ payer, dueFen: fen("Unpaid and due by the month's end (overdue included)"), dueLines: z.number().int(), overdueLines: z.number().int(), paidFen: fen("Paid in the month"), paidLines: z.number().int() })),
    rows: z.array(allowanceLineSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageCount: z.number().int(),
  })
  .meta({ id: "AllowanceDue" });

export const allowancePaidSchema = z
  .object({ paid: z.number().int(), totalFen: fen("Sum of the lines recorded paid"), voucherNumber: z.string(), paidOn: day })
  .meta({ id: "AllowancePayment" });

export const allowanceTotalsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    rows: z.array(z.object({ month: z.string(), payer, itemId: z.string(), itemName: z.string(), programId: z.string(), programName: z.string(), paidFen: fen("Paid"), unpaidFen: fen("Unpaid"), lines: z.number().int() })),
    grandTotal: z.object({ paidFen: fen("Paid"), unpaidFen: fen("Unpaid"), lines: z.number().int() }),
  })
  .meta({ id: "AllowanceTotals", description: "Totals by month (of the due date), payer, programme and item; each the exact sum of its lines" });

export const allowanceLineRemovedSchema = z.object({ id: z.string(), dispatchId: z.string(), removed: z.literal(true) }).meta({ id: "AllowanceLineRemoved" });
