import { z } from "zod";

// The answers of /api/v1/workforce/… (seed 002), as lib/server/workforce*.ts returns them.

const region = z.object({ id: z.string(), name: z.string(), parentId: z.string().nullable() });

export const indicatorYearSchema = z.object({
  year: z.number().int(),
  figureId: z.string().nullable(),
  version: z.number().int().nullable(),
  target: z.number().nullable(),
  numerator: z.number().int().nullable(),
  denominator: z.number().int().nullable(),
  actual: z.number().nullable().meta({ description: "numerator ÷ denominator × base, two decimals" }),
  gap: z.number().nullable().meta({ description: "actual − target (negative: short of the target)" }),
  hasMet: z.boolean().nullable(),
  enteredBy: z.string().nullable(),
  enteredAt: z.string().nullable(),
});

export const workforceIndicatorsSchema = z.object({
  region,
  years: z.array(z.number().int()),
  indicators: z.array(
    z.object({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      unit: z.string(),
      base: z.number().int(),
      source: z.enum(["REGISTRY", "ENTERED"]),
      numeratorLabel: z.string(),
      denominatorLabel: z.string(),
      years: z.array(indicatorYearSchema),
    }),
  ),
});

export const figureSchema = z.object({
  id: z.string(),
  indicatorId: z.string(),
  regionId: z.string(),
  year: z.number().int(),
  target: z.number().nullable(),
  numerator: z.number().int().nullable(),
  denominator: z.number().int().nullable(),
  version: z.number().int(),
});

export const contractSchema = z.object({
  id: z.string(),
  name: z.string(),
  school: z.string(),
  graduationYear: z.number().int(),
  serviceYears: z.number().int(),
  serviceStartDate: z.string(),
  serviceOrgId: z.string(),
  doctorId: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});

export const contractListSchema = z.object({
  today: z.string(),
  rows: z.array(
    contractSchema.extend({
      serviceOrgName: z.string(),
      lastDay: z.string(),
      totalDays: z.number().int(),
      servedDays: z.number().int(),
      remainingDays: z.number().int(),
      hasStarted: z.boolean(),
      isFulfilled: z.boolean(),
      can: z.object({ correct: z.boolean() }).meta({ description: "Whether the caller may correct the contract (PATCH /workforce/contracts/{contractId})" }),
    }),
  ),
});

export const promotionServiceSchema = z.object({
  today: z.string(),
  met: z.number().int().meta({ description: "Of the doctors listed" }),
  notMet: z.number().int(),
  total: z.number().int().meta({ description: "All the doctors the rule concerns in scope; at most 500 are listed (by name)" }),
  rows: z.array(
    z.object({
      doctorId: z.string(),
      name: z.string(),
      employerName: z.string(),
      titleLevel: z.enum(["JUNIOR", "INTERMEDIATE"]).nullable(),
      requiredDays: z.number().int(),
      servedDays: z.number().int(),
      hasMet: z.boolean(),
      remainingDays: z.number().int(),
    }),
  ),
});
