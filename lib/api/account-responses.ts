import { z } from "zod";
import { Role } from "../generated/prisma/enums";
import { userStatuses } from "../schemas/users";
import { locales } from "../i18n/config";

// What /api/v1 answers about accounts, API tokens, the caller's own account and inbox
// (lib/api/openapi.ts). Instants are ISO 8601 strings (UTC).

const instant = z.iso.datetime().meta({ description: "ISO 8601 instant, UTC" });
const roles = Object.values(Role) as [Role, ...Role[]];
const page = <T extends z.ZodType>(row: T) => z.object({ rows: z.array(row), total: z.number().int(), page: z.number().int(), pageCount: z.number().int() });

const userRow = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  organizationId: z.string(),
  organizationName: z.string(),
  status: z.enum(userStatuses).meta({ description: "active, locked (too many failed sign-ins, until lockedUntil) or inactive (deactivated)" }),
  mustChangePassword: z.boolean(),
  lastLoginAt: instant.nullable(),
});

export const userPageSchema = page(userRow);

export const userDetailSchema = userRow.extend({
  doctorId: z.string().nullable(),
  doctorName: z.string().nullable(),
  email: z.string().nullable().meta({ description: "Where e-mail notifications go; null: in-app only" }),
  phone: z.string().nullable(),
  failedLoginCount: z.number().int(),
  lockedUntil: instant.nullable(),
  passwordChangedAt: instant.nullable(),
  createdAt: instant,
  version: z.number().int().meta({ description: "Send it back as If-Match to edit the account" }),
});

export const userWithPasswordSchema = z.object({
  id: z.string(),
  username: z.string(),
  password: z.string().meta({ description: "The generated password, shown this once and never stored in clear; the holder must change it at first sign-in" }),
});

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string().meta({ description: "The token's first 8 characters, to recognise it by" }),
  createdAt: instant,
  lastUsedAt: instant.nullable(),
  expiresAt: instant.nullable(),
  revokedAt: instant.nullable(),
});
export const apiTokenListSchema = z.object({ tokens: z.array(apiTokenSchema) });
export const issuedApiTokenSchema = z.object({
  id: z.string(),
  prefix: z.string(),
  token: z.string().meta({ description: "The secret (Authorization: Bearer <token>), shown this once: only its SHA-256 is kept" }),
});
export const revokedApiTokenSchema = z.object({ id: z.string(), userId: z.string() });

export const notificationPageSchema = page(
  z.object({
    id: z.string(),
    kind: z.string().meta({ description: "What it is about (decision, objection, leave …), for programs; title and body are the words" }),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable().meta({ description: "The in-app page it concerns (a path), or null" }),
    readAt: instant.nullable(),
    createdAt: instant,
  }),
).extend({ unread: z.number().int() });
export const notificationReadSchema = z.object({ id: z.string() });
export const notificationsReadSchema = z.object({ count: z.number().int().meta({ description: "How many were unread and are now read" }) });

export const ownAccountSchema = userRow.pick({ id: true, username: true, displayName: true, role: true, organizationId: true, organizationName: true, mustChangePassword: true }).extend({
  doctorId: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  locale: z.enum(locales),
  passwordChangedAt: instant.nullable(),
});
export const passwordChangedSchema = z.object({ passwordChangedAt: instant });
export const localeSchema = z.object({ locale: z.enum(locales) });
