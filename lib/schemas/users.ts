import { z } from "zod";
import { passwordProblems, type PasswordProblem } from "../domain/password-policy";
import { Role } from "../generated/prisma/enums";
import { editVersion } from "./common";
import { listQuerySchema, sortFields, strictListFields, type DefaultSort } from "./list-query";

// Accounts: shared by the forms (zodResolver) and the server. Messages are catalogue keys (users.errors.*).
export const roles = Object.values(Role) as [Role, ...Role[]];
export const userStatuses = ["active", "locked", "inactive"] as const;
export type UserStatus = (typeof userStatuses)[number];

/** The account list's sortable columns (the whitelist; lib/server/users.ts maps each to its SQL order). */
export const USER_SORT_KEYS = ["username", "displayName", "role", "organization", "lastLogin"] as const;
export const USER_DEFAULT_SORT: DefaultSort<(typeof USER_SORT_KEYS)[number]> = { sort: "organization", dir: "asc" };

export const userListQuerySchema = listQuerySchema.extend({
  ...sortFields(USER_SORT_KEYS),
  role: z.enum(roles).optional().catch(undefined),
  organizationId: z.string().trim().min(1).max(40).optional().catch(undefined),
  status: z.enum(userStatuses).optional().catch(undefined),
});
/** GET /api/v1/users: the same, an unknown sort key, direction, page or page size refused (422). */
export const userListApiQuerySchema = userListQuerySchema.extend(strictListFields(USER_SORT_KEYS));
export type UserListQuery = z.infer<typeof userListQuerySchema>;

const id = z.string().trim().min(1, "required").max(40, "required");
/** An empty select means "no doctor". */
const optionalId = z
  .string()
  .trim()
  .max(40)
  .nullish()
  .transform((v) => (v ? v : null));

const displayName = z.string().trim().min(1, "displayNameRequired").max(50, "displayNameTooLong");

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

/** For e-mail notifications: blank is none (null); otherwise an address of a plausible shape. */
const email = z
  .string({ error: "invalid" })
  .trim()
  .max(254, "emailInvalid")
  .refine((v) => v === "" || z.email().safeParse(v).success, "emailInvalid")
  .nullish()
  .transform((v) => (v ? v.toLowerCase() : null));
/** A mainland mobile (11 digits from 1) or a landline with area code (0571-87654321); blank is none. */
export const ACCOUNT_PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/;
const phone = z
  .string({ error: "invalid" })
  .trim()
  .transform((v) => v.replace(/[\s()]/g, ""))
  .refine((v) => v === "" || ACCOUNT_PHONE_PATTERN.test(v), "phoneInvalid")
  .nullish()
  .transform((v) => (v ? v : null));

export const createUserSchema = z.object({
  username: z
    .string()
    .trim()
    .toLowerCase()
    .min(3, "usernameLength")
    .max(32, "usernameLength")
    .regex(USERNAME_PATTERN, "usernameFormat"),
  displayName,
  role: z.enum(roles, "roleRequired"),
  organizationId: z.string().trim().min(1, "organizationRequired").max(40, "organizationRequired"),
  doctorId: optionalId,
  email,
  phone,
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const updateUserSchema = z.object({
  id,
  displayName,
  role: z.enum(roles, "roleRequired"),
  organizationId: z.string().trim().min(1, "organizationRequired").max(40, "organizationRequired"),
  doctorId: optionalId,
  email,
  phone,
  version: editVersion,
});
export type UpdateUserInput = z.input<typeof updateUserSchema>;

export const userIdSchema = z.object({ id });

/**
 * The forced (and voluntary) password change. The form passes the user's name so that it can show
 * every rule before submitting; the server checks the name again against the database.
 */
export function makeChangePasswordSchema(username?: string) {
  return z
    .object({
      currentPassword: z.string().min(1, "currentPasswordRequired").max(256, "currentPasswordRequired"),
      newPassword: z.string().max(256, "passwordTooLong"),
      confirmPassword: z.string().max(256),
    })
    .superRefine((value, ctx) => {
      for (const problem of passwordProblems(value.newPassword, { username, currentPassword: value.currentPassword })) {
        ctx.addIssue({ code: "custom", path: ["newPassword"], message: problem });
      }
      if (value.confirmPassword !== value.newPassword) {
        ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "passwordMismatch" });
      }
    });
}

export const changePasswordSchema = makeChangePasswordSchema();

/**
 * Every users.errors key the password change can report (the schema above, the password rule, the
 * use case's wrong-password and lock): the page words these for its form, so the browser does not get
 * the whole users namespace for them (issue 17).
 */
export const CHANGE_PASSWORD_ERROR_KEYS = [
  "required",
  "currentPasswordRequired",
  "currentPasswordWrong",
  "accountLocked",
  "passwordTooShort",
  "passwordTooLong",
  "passwordTooFewClasses",
  "passwordContainsUsername",
  "passwordTooCommon",
  "passwordSameAsCurrent",
  "passwordMismatch",
] as const satisfies readonly ("required" | "currentPasswordRequired" | "currentPasswordWrong" | "accountLocked" | "passwordMismatch" | PasswordProblem)[];
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
