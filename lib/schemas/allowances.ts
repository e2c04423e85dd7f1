import { z } from "zod";
import { ALLOWANCE_KINDS, ALLOWANCE_PAYEES, ALLOWANCE_PAYERS, ALLOWANCE_STARTS } from "../domain/allowance-schedule";
import { MAX_AMOUNT_FEN, parseYuan } from "../domain/money";
import { calendarDate } from "../domain/program-timeline";
import { listQuerySchema, sortFields, strictListFields, type DefaultSort } from "./list-query";

// Allowances: one schema per use case, shared by the forms (zodResolver), the server and the OpenAPI
// document. Money crosses this boundary as whole fen (integers); the forms read yuan with `yuanField`
// (lib/domain/money.ts parseYuan) and send fen. Messages are catalogue keys of the "allowances"
// namespace's errors.

const noNul = (v: string) => !v.includes("\u0000");
const id = z.string({ error: "invalid" }).trim().min(1, "required").max(64, "invalid");
const text = (max: number, requiredKey = "required") =>
  z.string({ error: "invalid" }).trim().min(1, requiredKey).max(max, "tooLong").refine(noNul, "invalid");
const optionalText = (max: number) =>
  z
    .string({ error: "invalid" })
    .trim()
    .max(max, "tooLong")
    .refine(noNul, "invalid")
    .optional()
    .nullable()
    .transform((v) => (v ? v : null));
const reason = text(500, "reasonRequired").pipe(z.string().min(2, "reasonRequired"));
/** A calendar day "YYYY-MM-DD". */
export const dayField = (requiredKey = "dateRequired") =>
  z.string({ error: "invalid" }).trim().min(1, requiredKey).refine((v) => calendarDate(v) !== null, "dateInvalid");

/** Whole fen, positive, at most 1 000 000 yuan. */
export const fenSchema = z
  .number({ error: "amountInvalid" })
  .int("amountInvalid")
  .positive("amountPositive")
  .max(MAX_AMOUNT_FEN, "amountTooLarge")
  .meta({ description: "Whole fen (1 yuan = 100 fen), 1 … 100000000" });

/** Whole fen of an adjustment: negative or positive, never zero. */
export const signedFenSchema = z
  .number({ error: "amountInvalid" })
  .int("amountInvalid")
  .refine((v) => v !== 0, "amountNonZero")
  .refine((v) => Math.abs(v) <= MAX_AMOUNT_FEN, "amountTooLarge")
  .meta({ description: "Whole fen, negative or positive, not zero; |amount| ≤ 100000000" });

/** A form's yuan text ("10 000.00") → whole fen, for the forms only (the API takes fen). */
export const yuanField = (opts: { allowNegative?: boolean } = {}) =>
  z
    .string({ error: "amountInvalid" })
    .trim()
    .min(1, "amountRequired")
    .transform((v, ctx) => {
      const fen = parseYuan(v);
      if (fen === null) {
        ctx.addIssue({ code: "custom", message: "amountInvalid" });
        return z.NEVER;
      }
      if (fen === 0) ctx.addIssue({ code: "custom", message: opts.allowNegative ? "amountNonZero" : "amountPositive" });
      else if (fen < 0 && !opts.allowNegative) ctx.addIssue({ code: "custom", message: "amountPositive" });
      else if (Math.abs(fen) > MAX_AMOUNT_FEN) ctx.addIssue({ code: "custom", message: "amountTooLarge" });
      return fen;
    });

const itemFields = {
  name: text(100),
  kind: z.enum(ALLOWANCE_KINDS, { error: "kindRequired" }),
  amountFen: fenSchema,
  payer: z.enum(ALLOWANCE_PAYERS, { error: "payerRequired" }),
  payee: z.enum(ALLOWANCE_PAYEES, { error: "payeeRequired" }),
  startsAt: z.enum(ALLOWANCE_STARTS, { error: "startsAtRequired" }),
  note: optionalText(500),
  isActive: z.boolean({ error: "invalid" }).default(true),
};

/** A new item of a programme's policy. */
export const createItemSchema = z.object({ programId: id, ...itemFields }).strict();
export type CreateItemInput = z.input<typeof createItemSchema>;

/** An item's new values, with the version the editor started from (a stale one is refused). */
export const updateItemSchema = z.object({ itemId: id, version: z.number({ error: "invalid" }).int("invalid").min(1, "invalid"), ...itemFields }).strict();
export type UpdateItemInput = z.input<typeof updateItemSchema>;

/** The item form as a person fills it: the amount in yuan. */
const { amountFen: _amountFen, ...itemFormFields } = itemFields;
export const itemFormSchema = z.object({ ...itemFormFields, amountYuan: yuanField() });
export type ItemFormInput = z.input<typeof itemFormSchema>;

export const POLICY_TEMPLATES = ["longTermAid", "countyHireTownshipUse"] as const;
/** Adds a template's items (seed 000's or seed 001's) to a programme's policy. */
export const applyTemplateSchema = z.object({ programId: id, template: z.enum(POLICY_TEMPLATES, { error: "templateRequired" }) }).strict();

/** A line for an event (an excellent annual grade, a health check) added by hand, with its reason. */
export const addEventLineFields = z
  .object({
    dispatchId: id,
    itemId: id,
    /** The day of the event; the line falls due then. */
    eventDate: dayField(),
    /** The period the payment covers (an assessment year), both ends included; the event's day when left out. */
    periodStart: dayField().optional().nullable(),
    periodEnd: dayField().optional().nullable(),
    reason,
  })
  .strict();
export const addEventLineSchema = addEventLineFields.refine((v) => !v.periodStart || !v.periodEnd || v.periodStart <= v.periodEnd, { message: "periodInvalid", path: ["periodEnd"] });
export type AddEventLineInput = z.input<typeof addEventLineSchema>;

/** A correction to a paid line: a new line of `amountFen` (negative or positive) with the reason. */
export const adjustLineSchema = z.object({ lineId: id, amountFen: signedFenSchema, reason }).strict();
export type AdjustLineInput = z.input<typeof adjustLineSchema>;

/** Marks lines paid with one voucher (凭证号) and the day paid. */
export const markPaidSchema = z
  .object({
    lineIds: z.array(id).min(1, "selectionRequired").max(1000, "selectionTooLarge"),
    voucherNumber: text(50, "voucherRequired").refine((v) => /^[\p{L}\p{N}\-_/#.()（）\s]+$/u.test(v), "voucherInvalid"),
    paidOn: dayField(),
  })
  .strict()
  .refine((v) => new Set(v.lineIds).size === v.lineIds.length, { message: "selectionDuplicate", path: ["lineIds"] });
export type MarkPaidInput = z.input<typeof markPaidSchema>;

/** Removes an unpaid line staff added by hand (an event or a correction entered by mistake). */
export const removeLineSchema = z.object({ lineId: id, reason }).strict();

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/** The finance month's URL query: the month (this month by default), a payer, a programme. Bad values are dropped. */
export const financeMonthQuerySchema = z.object({
  month: month.optional().catch(undefined),
  payer: z.enum(ALLOWANCE_PAYERS).optional().catch(undefined),
  programId: id.optional().catch(undefined),
});
export type FinanceMonthQuery = z.infer<typeof financeMonthQuerySchema>;

/** The payment sheet's query: the month and, optionally, one payer and programme; only unpaid, only paid, or both. */
export const paymentSheetQuerySchema = financeMonthQuerySchema.extend({
  status: z.enum(["due", "paid", "all"]).optional().catch(undefined),
});

/** Totals of a programme: a range of months (by due date). */
export const totalsQuerySchema = z.object({
  from: month.optional().catch(undefined),
  to: month.optional().catch(undefined),
});

/** The sortable columns of finance's month (the whitelist; lib/server/allowance-queries.ts maps each to its SQL order): by payer, programme and doctor by default. */
export const FINANCE_SORT_KEYS = ["payer", "doctor", "dueDate", "amount"] as const;
export const FINANCE_DEFAULT_SORT: DefaultSort<(typeof FINANCE_SORT_KEYS)[number]> = { sort: "payer", dir: "asc" };
/** The finance month page's sort and page size (bad values dropped). */
export const financeListFields = { ...sortFields(FINANCE_SORT_KEYS), size: listQuerySchema.shape.size };

/** The API's query of finance's month: the month's lines due (unpaid, due by its end) or paid in it, 100 a page unless size; an unknown sort, dir or size is refused. */
export const dueQuerySchema = financeMonthQuerySchema.extend({
  status: z.enum(["due", "paid"]).optional().catch(undefined),
  ...strictListFields(FINANCE_SORT_KEYS),
});

/** The API's query of totals: the range of months and, optionally, one programme. */
export const totalsApiQuerySchema = totalsQuerySchema.extend({ programId: id.optional().catch(undefined) });
