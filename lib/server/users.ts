import "server-only";
import { audit } from "../audit";
import { hashPassword } from "../auth/password";
import { authorize, organizationWhere, userWhere, type Scope } from "../auth/policy";
import { AppError } from "../errors";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import type { Role } from "../generated/prisma/enums";
import { orderOf, pageArgs, toPage, type Page, type SortDir } from "../schemas/list-query";
import { createUserSchema, updateUserSchema, USER_DEFAULT_SORT, USER_SORT_KEYS, userIdSchema, type UserListQuery, type UserStatus } from "../schemas/users";
import { checkEditVersion } from "./edit-version";
import { actorOf, parse, runTx, visibleOr, type Tx, type UniqueFieldMap } from "./kit";
import { generatePassword } from "./passwords";

// Accounts administration. Every function takes the policy scope; the organisation an account
// belongs to is always read from the database by the account's id, never taken from the client.
// Audit rows never hold a password or its hash.

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organizationId: string;
  organizationName: string;
  status: UserStatus;
  mustChangePassword: boolean;
  lastLoginAt: Date | null;
}

export interface UserDetail extends UserRow {
  doctorId: string | null;
  doctorName: string | null;
  /** Where e-mail notifications go (none: in-app only), and a phone to reach the account's holder. */
  email: string | null;
  phone: string | null;
  failedLoginCount: number;
  lockedUntil: Date | null;
  passwordChangedAt: Date | null;
  createdAt: Date;
  /** Raised by every edit of the account's fields; the edit form sends it back (issue 12). */
  version: number;
}

/** What the account form offers: the organisations in scope and the doctors there without an account. */
export interface UserFormOptions {
  organizations: { id: string; name: string }[];
  doctors: { id: string; name: string; organizationId: string; department: string }[];
}

const safeSelect = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  organizationId: true,
  isActive: true,
  lockedUntil: true,
  mustChangePassword: true,
  lastLoginAt: true,
  organization: { select: { name: true } },
} satisfies Prisma.UserSelect;

function statusOf(user: { isActive: boolean; lockedUntil: Date | null }, now: Date): UserStatus {
  if (!user.isActive) return "inactive";
  return user.lockedUntil && user.lockedUntil > now ? "locked" : "active";
}

function statusWhere(status: UserStatus | undefined, now: Date): Prisma.UserWhereInput {
  if (status === "inactive") return { isActive: false };
  if (status === "locked") return { isActive: true, lockedUntil: { gt: now } };
  if (status === "active") return { isActive: true, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] };
  return {};
}

function toRow(u: Prisma.UserGetPayload<{ select: typeof safeSelect }>, now: Date): UserRow {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    organizationId: u.organizationId,
    organizationName: u.organization.name,
    status: statusOf(u, now),
    mustChangePassword: u.mustChangePassword,
    lastLoginAt: u.lastLoginAt,
  };
}

/** The accounts list: searched, filtered and paged in SQL within the policy's scope. */
const orders: Record<(typeof USER_SORT_KEYS)[number], (dir: SortDir) => Prisma.UserOrderByWithRelationInput[]> = {
  username: (dir) => [{ username: dir }],
  displayName: (dir) => [{ displayName: dir }, { username: "asc" }],
  role: (dir) => [{ role: dir }, { username: "asc" }],
  organization: (dir) => [{ organization: { name: dir } }, { username: "asc" }],
  // Never signed in counts as the oldest.
  lastLogin: (dir) => [{ lastLoginAt: { sort: dir, nulls: dir === "asc" ? "first" : "last" } }, { username: "asc" }],
};

export async function listUsers(db: PrismaClient, scope: Scope, query: UserListQuery, now: Date = new Date()): Promise<Page<UserRow>> {
  authorize(scope, "user.read");
  const where: Prisma.UserWhereInput = {
    AND: [
      userWhere(scope),
      query.q
        ? { OR: [{ username: { contains: query.q, mode: "insensitive" } }, { displayName: { contains: query.q, mode: "insensitive" } }] }
        : {},
      query.role ? { role: query.role } : {},
      query.organizationId ? { organizationId: query.organizationId } : {},
      statusWhere(query.status, now),
    ],
  };
  const [rows, total] = await Promise.all([
    db.user.findMany({ where, select: safeSelect, orderBy: orderOf(orders, query, USER_DEFAULT_SORT, [{ id: "asc" }]), ...pageArgs(query) }),
    db.user.count({ where }),
  ]);
  return toPage(
    rows.map((u) => toRow(u, now)),
    total,
    query,
  );
}

/** One account, if it lies in the user's scope; otherwise notFound (its existence is not revealed). */
export async function getUser(db: PrismaClient, scope: Scope, id: string, now: Date = new Date()): Promise<UserDetail> {
  authorize(scope, "user.read");
  const u = await db.user.findFirst({
    where: { AND: [{ id }, userWhere(scope)] },
    select: { ...safeSelect, doctorId: true, doctor: { select: { name: true } }, email: true, phone: true, failedLoginCount: true, passwordChangedAt: true, createdAt: true, version: true },
  });
  if (!u) throw new AppError("notFound");
  return { ...toRow(u, now), doctorId: u.doctorId, doctorName: u.doctor?.name ?? null, email: u.email, phone: u.phone, failedLoginCount: u.failedLoginCount, lockedUntil: u.lockedUntil, passwordChangedAt: u.passwordChangedAt, createdAt: u.createdAt, version: u.version };
}

export async function userFormOptions(db: PrismaClient, scope: Scope, forUserId?: string): Promise<UserFormOptions> {
  authorize(scope, "user.manage");
  const [organizations, doctors] = await Promise.all([
    db.organization.findMany({ where: { AND: [organizationWhere(scope), { isActive: true }] }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    db.doctor.findMany({
      where: { employerId: { in: scope.subtreeIds }, OR: [{ user: null }, ...(forUserId ? [{ user: { id: forUserId } }] : [])] },
      select: { id: true, name: true, employerId: true, department: true },
      orderBy: [{ name: "asc" }],
    }),
  ]);
  return { organizations, doctors: doctors.map((d) => ({ id: d.id, name: d.name, organizationId: d.employerId, department: d.department })) };
}

/** The account's owning organisation, read by its id; forbidden when outside the admin's subtree. */
async function loadManaged(db: PrismaClient | Tx, scope: Scope, id: string) {
  authorize(scope, "user.manage");
  const user = visibleOr(
    await db.user.findUnique({ where: { id }, select: { id: true, username: true, displayName: true, role: true, organizationId: true, doctorId: true, email: true, phone: true, isActive: true, lockedUntil: true, failedLoginCount: true, version: true } }),
  );
  authorize(scope, "user.manage", { organizationId: user.organizationId });
  return user;
}

/** A DOCTOR account may be linked to a doctor of its own organisation who has no account yet. */
async function checkDoctorLink(tx: Tx, role: Role, organizationId: string, doctorId: string | null, userId?: string): Promise<string | null> {
  if (role !== "DOCTOR" || !doctorId) return null;
  const doctor = await tx.doctor.findUnique({ where: { id: doctorId }, select: { employerId: true, user: { select: { id: true } } } });
  if (!doctor || doctor.employerId !== organizationId) throw new AppError("validation", undefined, { doctorId: ["doctorNotInOrganization"] });
  if (doctor.user && doctor.user.id !== userId) throw new AppError("validation", undefined, { doctorId: ["doctorHasAccount"] });
  return doctorId;
}

/** Two admins creating the same user name (or linking the same doctor) at once: the second gets the field error. */
const uniqueFields: UniqueFieldMap = { User_username_key: ["username", "usernameTaken"], User_doctorId_key: ["doctorId", "doctorHasAccount"] };

/** Creates an account with a generated password, returned once and never stored in clear. */
export async function createUser(db: PrismaClient, scope: Scope, input: unknown): Promise<{ id: string; username: string; password: string }> {
  authorize(scope, "user.manage");
  const data = parse(createUserSchema, input);
  authorize(scope, "user.manage", { organizationId: data.organizationId });
  const password = generatePassword(data.username);
  const passwordHash = await hashPassword(password);
  const created = await runTx(
    db,
    async (tx) => {
      if (await tx.user.findUnique({ where: { username: data.username }, select: { id: true } })) {
        throw new AppError("validation", undefined, { username: ["usernameTaken"] });
      }
      const organization = await tx.organization.findUnique({ where: { id: data.organizationId }, select: { isActive: true } });
      if (!organization?.isActive) throw new AppError("validation", undefined, { organizationId: ["organizationRequired"] });
      const doctorId = await checkDoctorLink(tx, data.role, data.organizationId, data.doctorId);
      const user = await tx.user.create({
        data: { username: data.username, displayName: data.displayName, role: data.role, organizationId: data.organizationId, doctorId, email: data.email, phone: data.phone, passwordHash, mustChangePassword: true },
        select: { id: true, username: true },
      });
      await audit(tx, {
        actor: await actorOf(tx, scope),
        action: "user.create",
        entity: "User",
        entityId: user.id,
        after: { username: data.username, displayName: data.displayName, role: data.role, organizationId: data.organizationId, doctorId, email: data.email, phone: data.phone, mustChangePassword: true },
      });
      return user;
    },
    { uniqueFields },
  );
  return { ...created, password };
}

/** Edits name, role and organisation (both old and new organisation must be in scope). */
export async function updateUser(db: PrismaClient, scope: Scope, input: unknown): Promise<{ id: string }> {
  authorize(scope, "user.manage");
  const { version, ...data } = parse(updateUserSchema, input);
  return runTx(db, async (tx) => {
    // Lock the account: two edits at once apply one after the other, and the second sees the first (issue 12).
    await tx.$queryRaw`SELECT id FROM "User" WHERE id = ${data.id} FOR UPDATE`;
    const before = await loadManaged(tx, scope, data.id);
    await checkEditVersion(tx, "User", before.id, before.version, version);
    authorize(scope, "user.manage", { organizationId: data.organizationId });
    if (before.id === scope.user.id && data.role !== before.role) throw new AppError("validation", undefined, { role: ["cannotChangeOwnRole"] });
    if (before.id === scope.user.id && data.organizationId !== before.organizationId) {
      throw new AppError("validation", undefined, { organizationId: ["cannotChangeOwnOrganization"] });
    }
    if (data.organizationId !== before.organizationId) {
      const organization = await tx.organization.findUnique({ where: { id: data.organizationId }, select: { isActive: true } });
      if (!organization?.isActive) throw new AppError("validation", undefined, { organizationId: ["organizationRequired"] });
    }
    const doctorId = await checkDoctorLink(tx, data.role, data.organizationId, data.doctorId, before.id);
    const values = { displayName: data.displayName, role: data.role, organizationId: data.organizationId, doctorId, email: data.email, phone: data.phone };
    const previous = { displayName: before.displayName, role: before.role, organizationId: before.organizationId, doctorId: before.doctorId, email: before.email, phone: before.phone };
    if (JSON.stringify(values) === JSON.stringify(previous)) return { id: before.id }; // nothing changed: other editors stay current
    const { version: raised } = await tx.user.update({ where: { id: before.id }, data: { ...values, version: { increment: 1 } }, select: { version: true } });
    await audit(tx, {
      actor: await actorOf(tx, scope),
      action: "user.update",
      entity: "User",
      entityId: before.id,
      before: { ...previous, version: before.version },
      after: { ...values, version: raised },
    });
    return { id: before.id };
  });
}

/** A new generated password, shown once; the user must change it, and any lock-out is lifted. */
export async function resetUserPassword(db: PrismaClient, scope: Scope, input: unknown): Promise<{ id: string; username: string; password: string }> {
  authorize(scope, "user.manage");
  const { id } = parse(userIdSchema, input);
  const target = await loadManaged(db, scope, id);
  const password = generatePassword(target.username);
  const passwordHash = await hashPassword(password);
  await runTx(db, async (tx) => {
    const user = await loadManaged(tx, scope, id); // again inside the transaction: it may have moved
    await tx.user.update({ where: { id }, data: { passwordHash, mustChangePassword: true, failedLoginCount: 0, lockedUntil: null, sessionsValidFrom: new Date() } });
    await audit(tx, {
      actor: await actorOf(tx, scope),
      action: "user.reset_password",
      entity: "User",
      entityId: id,
      before: { failedLoginCount: user.failedLoginCount, lockedUntil: user.lockedUntil },
      after: { mustChangePassword: true, failedLoginCount: 0, lockedUntil: null },
    });
  });
  return { id, username: target.username, password };
}

async function setActive(db: PrismaClient, scope: Scope, input: unknown, isActive: boolean): Promise<{ id: string }> {
  authorize(scope, "user.manage");
  const { id } = parse(userIdSchema, input);
  return runTx(db, async (tx) => {
    const user = await loadManaged(tx, scope, id);
    if (!isActive && user.id === scope.user.id) throw new AppError("validation", "cannotDeactivateSelf", { _form: ["cannotDeactivateSelf"] });
    if (user.isActive === isActive) return { id };
    await tx.user.update({ where: { id }, data: isActive ? { isActive, failedLoginCount: 0, lockedUntil: null } : { isActive, sessionsValidFrom: new Date() } });
    await audit(tx, {
      actor: await actorOf(tx, scope),
      action: isActive ? "user.reactivate" : "user.deactivate",
      entity: "User",
      entityId: id,
      before: { isActive: user.isActive },
      after: { isActive },
    });
    return { id };
  });
}

export function deactivateUser(db: PrismaClient, scope: Scope, input: unknown): Promise<{ id: string }> {
  return setActive(db, scope, input, false);
}

export function reactivateUser(db: PrismaClient, scope: Scope, input: unknown): Promise<{ id: string }> {
  return setActive(db, scope, input, true);
}

/** Lifts a lock-out before its 15 minutes are up. */
export async function unlockUser(db: PrismaClient, scope: Scope, input: unknown): Promise<{ id: string }> {
  authorize(scope, "user.manage");
  const { id } = parse(userIdSchema, input);
  return runTx(db, async (tx) => {
    const user = await loadManaged(tx, scope, id);
    await tx.user.update({ where: { id }, data: { failedLoginCount: 0, lockedUntil: null } });
    await audit(tx, {
      actor: await actorOf(tx, scope),
      action: "user.unlock",
      entity: "User",
      entityId: id,
      before: { failedLoginCount: user.failedLoginCount, lockedUntil: user.lockedUntil },
      after: { failedLoginCount: 0, lockedUntil: null },
    });
    return { id };
  });
}

/** The caller's own account, as GET /api/v1/me shows it: every role may read its own. */
export async function getOwnAccount(db: PrismaClient, scope: Scope) {
  const u = await db.user.findUnique({
    where: { id: scope.user.id },
    select: { id: true, username: true, displayName: true, role: true, organizationId: true, organization: { select: { name: true } }, doctorId: true, email: true, phone: true, locale: true, mustChangePassword: true, passwordChangedAt: true },
  });
  if (!u) throw new AppError("notFound");
  const { organization, ...rest } = u;
  return { ...rest, organizationName: organization.name };
}
