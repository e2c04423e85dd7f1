import { z } from "zod";
import { isCalendarDate } from "./doctors";

// Workforce indicators and targeted students' contracts (seed 002): one schema per form/use case,
// shared by the forms (zodResolver), the server actions, the /api/v1 routes and the OpenAPI document.
// Messages are catalogue keys of "workforce.errors". Calendar days travel as "YYYY-MM-DD".

const id = z.string({ error: "invalid" }).trim().min(1, "required").max(64, "invalid");
const noNul = (v: string) => !v.includes("\u0000");
const text = (max: number, requiredKey: string) => z.string({ error: "invalid" }).trim().min(1, requiredKey).max(max, "tooLong").refine(noNul, "invalid");
const version = z.number({ error: "invalid" }).int("invalid").min(1, "invalid").max(2_147_483_647, "invalid");
// Numbers travel as JSON numbers (the forms convert their inputs with setValueAs): text such as "12" is
// refused like anywhere else in the API, and only a blank stays "nothing".
const empty = (v: unknown) => (v === "" || v === undefined || v === null ? null : v);
/** A whole count, or nothing ("" or missing). Sent as a number. */
const count = z.preprocess(empty, z.number({ error: "countInvalid" }).int("countInvalid").min(0, "countNegative").max(1_000_000_000, "countTooHigh").nullable());
/** A target in the indicator's unit, at most two decimals, or nothing. */
const target = z.preprocess(
  empty,
  z
    .number({ error: "targetInvalid" })
    .min(0, "targetInvalid")
    .max(100_000_000, "targetInvalid")
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, "targetDecimals")
    .nullable(),
);
export const year = z.number({ error: "yearInvalid" }).int("yearInvalid").min(2000, "yearInvalid").max(2100, "yearInvalid");

const values = {
  target,
  /** Entered actual: what the indicator counts (基层卫生人员数) … */
  numerator: count,
  /** … out of what (常住人口, all staff). */
  denominator: count,
};

function countsTogether<T extends { numerator: number | null; denominator: number | null }>(v: T, ctx: z.RefinementCtx) {
  if ((v.numerator === null) !== (v.denominator === null)) ctx.addIssue({ code: "custom", path: [v.numerator === null ? "numerator" : "denominator"], message: "countsTogether" });
  else if (v.denominator === 0) ctx.addIssue({ code: "custom", path: ["denominator"], message: "denominatorZero" });
}

/** A region's target and actual of one indicator for one year (a new row). */
export const createFigureFields = z.object({ indicatorId: id, regionId: id, year, ...values });
export const createFigureSchema = createFigureFields.superRefine(countsTogether);
export type CreateFigureInput = z.input<typeof createFigureSchema>;

/** A correction of one: the version read, else 409. */
export const updateFigureFields = z.object({ version, ...values });
export const updateFigureSchema = updateFigureFields.extend({ figureId: id }).superRefine(countsTogether);

/** The form's one schema: a new row, or (figureId and version given) a correction. */
export const saveFigureSchema = createFigureFields.extend({ figureId: id.optional(), version: version.optional() }).superRefine(countsTogether);
export type SaveFigureInput = z.input<typeof saveFigureSchema>;

/** 定向就业协议: who, from which school, how many years of grassroots service from which day, where. */
export const contractFields = z.object({
  name: text(50, "nameRequired"),
  school: text(100, "schoolRequired"),
  graduationYear: year,
  serviceYears: z.preprocess(empty, z.number({ error: "serviceYearsInvalid" }).int("serviceYearsInvalid").min(1, "serviceYearsInvalid").max(20, "serviceYearsInvalid")),
  serviceStartDate: z.string({ error: "invalid" }).trim().min(1, "dateRequired").refine(isCalendarDate, "dateInvalid"),
  serviceOrgId: id,
  doctorId: id.nullish().transform((v) => v ?? null),
  note: z.string({ error: "invalid" }).trim().max(500, "tooLong").refine(noNul, "invalid").nullish().transform((v) => (v ? v : null)),
});
export const createContractSchema = contractFields;
export type ContractInput = z.input<typeof contractFields>;
export const updateContractFields = contractFields.extend({ version });
export const updateContractSchema = updateContractFields.extend({ contractId: id });
/** The form's one schema: a new contract, or (contractId and version given) a correction. */
export const saveContractSchema = contractFields.extend({ contractId: id.optional(), version: version.optional() });
export type SaveContractInput = z.input<typeof saveContractSchema>;

export const workforceQuerySchema = z.object({ regionId: id.optional().catch(undefined) });
export const contractQuerySchema = z.object({ regionId: id.optional().catch(undefined), status: z.enum(["serving", "fulfilled", "notStarted"]).optional().catch(undefined) });
