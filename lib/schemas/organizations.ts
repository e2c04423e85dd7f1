import { z } from "zod";
import { HOSPITAL_GRADES, isHospitalKind, ORGANIZATION_KINDS, ORGANIZATION_LEVELS } from "../domain/organization-tree";
import { editVersion } from "./common";
import { listQuerySchema, sortFields, strictListFields, type DefaultSort } from "./list-query";

// Shared by the organisation form (zodResolver) and the server actions. Messages are catalogue keys
// of organizations.errors; a form shows them through its translator.

const id = z.string({ error: "invalid" }).trim().min(1, "required").max(64, "invalid");

const fields = {
  name: z.string({ error: "invalid" }).trim().min(2, "nameRequired").max(100, "tooLong"),
  // Optional: left out (the API) or "" (the form) is "no code", stored as null.
  code: z
    .string({ error: "invalid" })
    .trim()
    .max(32, "tooLong")
    .regex(/^[A-Za-z0-9_.-]*$/, "codeFormat")
    .optional()
    .transform((v) => (v === undefined || v === "" ? null : v)),
  kind: z.enum(ORGANIZATION_KINDS, { error: "kindRequired" }),
  level: z.enum(ORGANIZATION_LEVELS, { error: "levelRequired" }),
  grade: z
    .union([z.enum(HOSPITAL_GRADES), z.literal("")], { error: "invalid" })
    .optional()
    .transform((v) => (v === undefined || v === "" ? null : v)),
  region: z.string({ error: "invalid" }).trim().min(2, "regionRequired").max(100, "tooLong"),
  /**
   * The organisation above. Required when creating (an admin creates only inside their subtree).
   * Left out when editing one's own organisation, whose parent is not the admin's to change.
   */
  parentId: z.string({ error: "invalid" }).trim().min(1, "parentRequired").max(64, "invalid").optional(),
};

type Grade = (typeof HOSPITAL_GRADES)[number] | null;

function gradeOnlyForHospitals(value: { kind: (typeof ORGANIZATION_KINDS)[number]; grade: Grade }, ctx: z.RefinementCtx) {
  if (value.grade !== null && !isHospitalKind(value.kind)) ctx.addIssue({ code: "custom", path: ["grade"], message: "gradeOnlyForHospitals" });
}

export const organizationSchema = z.object(fields).superRefine(gradeOnlyForHospitals);
export const createOrganizationSchema = organizationSchema;
export const updateOrganizationSchema = z.object({ ...fields, id, version: editVersion }).superRefine(gradeOnlyForHospitals);
export const organizationIdSchema = z.object({ id });

/** What the form holds (strings, "" for empty choices). */
export type OrganizationFormValues = z.input<typeof organizationSchema>;
export type CreateOrganizationInput = z.output<typeof createOrganizationSchema>;
export type UpdateOrganizationInput = z.output<typeof updateOrganizationSchema>;

/** The organisation list's sortable columns (the whitelist; lib/server/organizations.ts maps each to its SQL order). */
export const ORGANIZATION_SORT_KEYS = ["name", "kind", "level", "region", "status"] as const;
export const ORGANIZATION_DEFAULT_SORT: DefaultSort<(typeof ORGANIZATION_SORT_KEYS)[number]> = { sort: "level", dir: "asc" };

/** The list's URL: search, kind and status filters, sort, page. Bad values fall back to "no filter" and the default order. */
export const organizationListQuerySchema = listQuerySchema.extend({
  ...sortFields(ORGANIZATION_SORT_KEYS),
  kind: z.enum(ORGANIZATION_KINDS).optional().catch(undefined),
  level: z.enum(ORGANIZATION_LEVELS).optional().catch(undefined),
  status: z.enum(["active", "inactive"]).optional().catch(undefined),
});
/** GET /api/v1/organizations: the same, an unknown sort key, direction, page or page size refused (422). */
export const organizationListApiQuerySchema = organizationListQuerySchema.extend(strictListFields(ORGANIZATION_SORT_KEYS));

export type OrganizationListQuery = z.infer<typeof organizationListQuerySchema>;
