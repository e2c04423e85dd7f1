// Accounts administration against real PostgreSQL: the role matrix of every use case, scope across
// bureaus, the initial password, and the audit trail (without passwords or hashes).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import type { Scope } from "@/lib/auth/policy";
import { isAcceptablePassword } from "@/lib/domain/password-policy";
import { AppError } from "@/lib/errors";
import { userListQuerySchema } from "@/lib/schemas/users";
import { authenticate } from "@/lib/server/authentication";
import { buildScope } from "@/lib/server/organization-tree";
import {
  createUser,
  deactivateUser,
  getUser,
  listUsers,
  reactivateUser,
  resetUserPassword,
  unlockUser,
  updateUser,
  userFormOptions,
} from "@/lib/server/users";
import { seedDemoData } from "@/prisma/seed";
import { ACCOUNTS } from "@/prisma/seed/accounts";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const scopes: Record<string, Scope> = {};
const ids: Record<string, string> = {};
let sxrmId: string; // 绍兴市人民医院, under the Shaoxing bureau
let wzBureauId: string;

async function expectCode(promise: Promise<unknown>, code: AppError["code"]) {
  await expect(promise).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === code);
}

/** Everything a refused call must leave untouched. */
async function snapshot() {
  const [users, audits] = await Promise.all([
    db.prisma.user.findMany({ orderBy: { id: "asc" } }),
    db.prisma.auditLog.count(),
  ]);
  return { users, audits };
}

const json = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
const query = (params: Record<string, string> = {}) => userListQuerySchema.parse(params);

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  for (const name of ["admin", "staff", "auditor", "nominator", "nominator2", "receiver", "doctor", "wz-admin"]) {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username: name } });
    ids[name] = user.id;
    scopes[name] = await buildScope(db.prisma, user);
  }
  sxrmId = scopes.nominator!.user.organizationId;
  wzBureauId = scopes["wz-admin"]!.user.organizationId;
});

afterAll(async () => {
  await db?.drop();
});

describe("role matrix: only a bureau admin manages accounts, only admin and auditor read them", () => {
  const refusedManagers = ["staff", "nominator", "receiver", "doctor", "auditor"];
  const mutations: [string, (scope: Scope) => Promise<unknown>][] = [
    ["createUser", (s) => createUser(db.prisma, s, { username: "intruder", displayName: "入侵者", role: "BUREAU_ADMIN", organizationId: sxrmId })],
    ["updateUser", (s) => updateUser(db.prisma, s, { id: ids.nominator, displayName: "改名", role: "BUREAU_ADMIN", organizationId: sxrmId })],
    ["resetUserPassword", (s) => resetUserPassword(db.prisma, s, { id: ids.nominator })],
    ["deactivateUser", (s) => deactivateUser(db.prisma, s, { id: ids.nominator })],
    ["reactivateUser", (s) => reactivateUser(db.prisma, s, { id: ids.nominator })],
    ["unlockUser", (s) => unlockUser(db.prisma, s, { id: ids.nominator })],
    ["userFormOptions", (s) => userFormOptions(db.prisma, s)],
  ];

  for (const [name, call] of mutations) {
    it.each(refusedManagers)(`${name}: %s is refused with forbidden and nothing is written`, async (who) => {
      const before = await snapshot();
      await expectCode(call(scopes[who]!), "forbidden");
      expect(await snapshot()).toEqual(before);
    });
  }

  it.each(["staff", "nominator", "receiver", "doctor"])("listUsers and getUser: %s is refused", async (who) => {
    await expectCode(listUsers(db.prisma, scopes[who]!, query()), "forbidden");
    await expectCode(getUser(db.prisma, scopes[who]!, ids.nominator!), "forbidden");
  });

  it("a refused role is refused before its input is even read (no validation leak)", async () => {
    await expectCode(createUser(db.prisma, scopes.staff!, { username: "" }), "forbidden");
  });

  it("the auditor reads the Shaoxing accounts", async () => {
    const page = await listUsers(db.prisma, scopes.auditor!, query());
    expect(page.rows.map((r) => r.username).sort()).toEqual(["admin", "auditor", "doctor", "nominator", "nominator2", "staff"]);
    expect((await getUser(db.prisma, scopes.auditor!, ids.nominator!)).username).toBe("nominator");
  });
});

describe("bureaus are kept apart", () => {
  it("Wanzhou's admin sees only Wanzhou accounts and cannot open a Shaoxing one", async () => {
    const page = await listUsers(db.prisma, scopes["wz-admin"]!, query());
    // Exactly the demo's Wanzhou accounts (the bureau's and those of the organisations below it).
    const wanzhou = ACCOUNTS.filter((a) => a.org.startsWith("WZ")).map((a) => a.username);
    expect(page.rows.map((r) => r.username).sort()).toEqual(wanzhou.sort());
    expect(wanzhou).toContain("wz-admin");
    await expectCode(getUser(db.prisma, scopes["wz-admin"]!, ids.nominator!), "notFound");
  });

  it("Wanzhou's admin cannot touch a Shaoxing account, nor create one in a Shaoxing organisation", async () => {
    const wz = scopes["wz-admin"]!;
    const before = await snapshot();
    await expectCode(updateUser(db.prisma, wz, { id: ids.nominator, displayName: "改名", role: "HOSPITAL_NOMINATOR", organizationId: sxrmId }), "forbidden");
    await expectCode(updateUser(db.prisma, wz, { id: ids.nominator, displayName: "改名", role: "HOSPITAL_NOMINATOR", organizationId: wzBureauId }), "forbidden");
    await expectCode(resetUserPassword(db.prisma, wz, { id: ids.nominator }), "forbidden");
    await expectCode(deactivateUser(db.prisma, wz, { id: ids.nominator }), "forbidden");
    await expectCode(unlockUser(db.prisma, wz, { id: ids.nominator }), "forbidden");
    await expectCode(createUser(db.prisma, wz, { username: "wz-into-sx", displayName: "越权", role: "HOSPITAL_NOMINATOR", organizationId: sxrmId }), "forbidden");
    expect(await snapshot()).toEqual(before);
  });

  it("Shaoxing's admin cannot move an account into Wanzhou", async () => {
    const before = await snapshot();
    await expectCode(updateUser(db.prisma, scopes.admin!, { id: ids.nominator, displayName: "王晓燕", role: "HOSPITAL_NOMINATOR", organizationId: wzBureauId }), "forbidden");
    expect(await snapshot()).toEqual(before);
  });

  it("the form offers only organisations and unlinked doctors in the admin's subtree", async () => {
    const options = await userFormOptions(db.prisma, scopes["wz-admin"]!);
    const wzSubtree = new Set(scopes["wz-admin"]!.subtreeIds);
    expect(options.organizations.every((o) => wzSubtree.has(o.id))).toBe(true);
    expect(options.doctors.every((d) => wzSubtree.has(d.organizationId))).toBe(true);
    const sx = await userFormOptions(db.prisma, scopes.admin!);
    const doctorAccount = await db.prisma.user.findUniqueOrThrow({ where: { username: "doctor" } });
    expect(sx.doctors.some((d) => d.id === doctorAccount.doctorId)).toBe(false);
  });
});

describe("the accounts list", () => {
  it("searches user name and display name, case-insensitively", async () => {
    expect((await listUsers(db.prisma, scopes.admin!, query({ q: "NOMINATOR" }))).rows.map((r) => r.username).sort()).toEqual(["nominator", "nominator2"]);
    expect((await listUsers(db.prisma, scopes.admin!, query({ q: "晓燕" }))).rows.map((r) => r.username)).toEqual(["nominator"]);
  });

  it("filters by role, organisation and status, in SQL, with the total", async () => {
    const byRole = await listUsers(db.prisma, scopes.admin!, query({ role: "HOSPITAL_NOMINATOR" }));
    expect(byRole.total).toBe(2);
    const byOrg = await listUsers(db.prisma, scopes.admin!, query({ organizationId: sxrmId }));
    expect(byOrg.rows.map((r) => r.username).sort()).toEqual(["doctor", "nominator"]);
    // A Wanzhou organisation as filter yields nothing for Shaoxing: the scope still applies.
    expect((await listUsers(db.prisma, scopes.admin!, query({ organizationId: wzBureauId }))).total).toBe(0);

    const now = new Date();
    await db.prisma.user.update({ where: { id: ids.doctor }, data: { lockedUntil: new Date(now.getTime() + 60_000) } });
    await db.prisma.user.update({ where: { id: ids.staff }, data: { lockedUntil: new Date(now.getTime() - 60_000) } }); // expired lock
    await db.prisma.user.update({ where: { id: ids.nominator2 }, data: { isActive: false } });
    const status = async (s: string) => (await listUsers(db.prisma, scopes.admin!, query({ status: s }), now)).rows.map((r) => r.username).sort();
    expect(await status("locked")).toEqual(["doctor"]);
    expect(await status("inactive")).toEqual(["nominator2"]);
    expect(await status("active")).toEqual(["admin", "auditor", "nominator", "staff"]);
    await db.prisma.user.updateMany({ where: { id: { in: [ids.doctor!, ids.staff!, ids.nominator2!] } }, data: { lockedUntil: null, isActive: true } });
  });

  it("pages", async () => {
    const page = await listUsers(db.prisma, scopes.admin!, query({ page: "2" }));
    expect(page).toMatchObject({ page: 2, pageCount: 1, rows: [] });
  });

  it("never returns password hashes", async () => {
    const page = await listUsers(db.prisma, scopes.admin!, query());
    const detail = await getUser(db.prisma, scopes.admin!, ids.nominator!);
    expect(JSON.stringify([page, detail])).not.toMatch(/passwordHash|\$2[aby]\$/);
  });
});

describe("creating an account", () => {
  it("creates it with a generated password that must be changed, and audits without the password", async () => {
    const created = await createUser(db.prisma, scopes.admin!, { username: "  Zhaolei ", displayName: "赵磊", role: "HOSPITAL_NOMINATOR", organizationId: sxrmId });
    expect(created.username).toBe("zhaolei");
    expect(isAcceptablePassword(created.password, { username: "zhaolei" })).toBe(true);
    expect(created.password).toHaveLength(14);

    const user = await db.prisma.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(user).toMatchObject({ username: "zhaolei", displayName: "赵磊", role: "HOSPITAL_NOMINATOR", organizationId: sxrmId, mustChangePassword: true, isActive: true });
    expect(user.passwordHash).not.toContain(created.password);
    expect(await verifyPassword(created.password, user.passwordHash)).toBe(true);

    const rows = await db.prisma.auditLog.findMany({ where: { action: "user.create", entityId: created.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actorId: ids.admin, actorOrgId: scopes.admin!.user.organizationId });
    const text = json(rows[0]);
    expect(text).not.toContain(created.password);
    expect(text).not.toContain(user.passwordHash);
    expect(text).not.toMatch(/"(password|passwordHash)"/);

    // The user signs in with it, and the account says the password must be changed first.
    const login = await authenticate(db.prisma, { username: "zhaolei", password: created.password }, null);
    expect(login.ok).toBe(true);
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: created.id } })).mustChangePassword).toBe(true);
  });

  it("two creations never produce the same password", async () => {
    const a = await createUser(db.prisma, scopes.admin!, { username: "pw-a", displayName: "甲", role: "BUREAU_STAFF", organizationId: scopes.admin!.user.organizationId });
    const b = await createUser(db.prisma, scopes.admin!, { username: "pw-b", displayName: "乙", role: "BUREAU_STAFF", organizationId: scopes.admin!.user.organizationId });
    expect(a.password).not.toBe(b.password);
  });

  it("a taken user name is a field error and nothing is written", async () => {
    const before = await snapshot();
    await expect(createUser(db.prisma, scopes.admin!, { username: "NOMINATOR", displayName: "重名", role: "HOSPITAL_NOMINATOR", organizationId: sxrmId })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { username: ["usernameTaken"] },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("bad input is a validation error with field keys", async () => {
    const before = await snapshot();
    await expect(createUser(db.prisma, scopes.admin!, { username: "a b", displayName: "", role: "KING", organizationId: "" })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { username: ["usernameFormat"], displayName: ["displayNameRequired"], role: ["roleRequired"], organizationId: ["organizationRequired"] },
    });
    expect(await snapshot()).toEqual(before);
  });

  it("a DOCTOR account links to an unlinked doctor of its own organisation only", async () => {
    const free = await db.prisma.doctor.findFirstOrThrow({ where: { employerId: sxrmId, user: null } });
    const elsewhere = await db.prisma.doctor.findFirstOrThrow({ where: { employerId: scopes.nominator2!.user.organizationId, user: null } });
    const taken = await db.prisma.user.findUniqueOrThrow({ where: { username: "doctor" } });

    await expect(createUser(db.prisma, scopes.admin!, { username: "dr-x", displayName: "X", role: "DOCTOR", organizationId: sxrmId, doctorId: elsewhere.id })).rejects.toMatchObject({
      fieldErrors: { doctorId: ["doctorNotInOrganization"] },
    });
    await expect(createUser(db.prisma, scopes.admin!, { username: "dr-y", displayName: "Y", role: "DOCTOR", organizationId: sxrmId, doctorId: taken.doctorId })).rejects.toMatchObject({
      fieldErrors: { doctorId: ["doctorHasAccount"] },
    });
    const ok = await createUser(db.prisma, scopes.admin!, { username: "dr-z", displayName: free.name, role: "DOCTOR", organizationId: sxrmId, doctorId: free.id });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: ok.id } })).doctorId).toBe(free.id);
    // A doctor link on a non-DOCTOR account is dropped.
    const other = await createUser(db.prisma, scopes.admin!, { username: "nd-link", displayName: "N", role: "HOSPITAL_NOMINATOR", organizationId: sxrmId, doctorId: elsewhere.id });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: other.id } })).doctorId).toBeNull();
  });
});

describe("editing an account", () => {
  it("changes name, role and organisation within scope, audited with before and after", async () => {
    const county = await db.prisma.organization.findFirstOrThrow({ where: { id: { in: scopes.admin!.subtreeIds, not: sxrmId }, kind: "HOSPITAL" } });
    await updateUser(db.prisma, scopes.admin!, { id: ids.nominator2, displayName: "楼建芬（人事科）", role: "HOSPITAL_NOMINATOR", organizationId: county.id });
    const user = await db.prisma.user.findUniqueOrThrow({ where: { id: ids.nominator2 } });
    expect(user).toMatchObject({ displayName: "楼建芬（人事科）", organizationId: county.id });
    const row = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "user.update", entityId: ids.nominator2 } });
    expect(row.before).toMatchObject({ displayName: "楼建芬" });
    expect(row.after).toMatchObject({ displayName: "楼建芬（人事科）", organizationId: county.id });
  });

  it("an admin cannot change their own role or organisation", async () => {
    const before = await snapshot();
    await expect(updateUser(db.prisma, scopes.admin!, { id: ids.admin, displayName: "徐彤", role: "AUDITOR", organizationId: scopes.admin!.user.organizationId })).rejects.toMatchObject({
      fieldErrors: { role: ["cannotChangeOwnRole"] },
    });
    await expect(updateUser(db.prisma, scopes.admin!, { id: ids.admin, displayName: "徐彤", role: "BUREAU_ADMIN", organizationId: sxrmId })).rejects.toMatchObject({
      fieldErrors: { organizationId: ["cannotChangeOwnOrganization"] },
    });
    expect(await snapshot()).toEqual(before);
    await updateUser(db.prisma, scopes.admin!, { id: ids.admin, displayName: "徐彤（政治处）", role: "BUREAU_ADMIN", organizationId: scopes.admin!.user.organizationId });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: ids.admin } })).displayName).toBe("徐彤（政治处）");
  });

  it("an unknown id is notFound", async () => {
    await expectCode(updateUser(db.prisma, scopes.admin!, { id: "nope", displayName: "x", role: "DOCTOR", organizationId: sxrmId }), "notFound");
  });
});

describe("reset, deactivate, reactivate, unlock", () => {
  it("reset gives a new password once, forces a change, lifts the lock-out; the audit holds no password", async () => {
    const lockedUntil = new Date(Date.now() + 10 * 60_000);
    await db.prisma.user.update({ where: { id: ids.nominator }, data: { failedLoginCount: 3, lockedUntil, mustChangePassword: false } });
    const oldHash = (await db.prisma.user.findUniqueOrThrow({ where: { id: ids.nominator } })).passwordHash;
    const { password } = await resetUserPassword(db.prisma, scopes.admin!, { id: ids.nominator });
    const user = await db.prisma.user.findUniqueOrThrow({ where: { id: ids.nominator } });
    expect(user).toMatchObject({ mustChangePassword: true, failedLoginCount: 0, lockedUntil: null });
    // Every session the user had is over: a token issued before the reset is refused.
    expect(user.sessionsValidFrom?.getTime()).toBeGreaterThan(lockedUntil.getTime() - 10 * 60_000 - 1);
    expect(user.passwordHash).not.toBe(oldHash);
    expect(await verifyPassword(password, user.passwordHash)).toBe(true);
    expect((await authenticate(db.prisma, { username: "nominator", password: "Demo@2026" }, null)).ok).toBe(false);
    const row = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "user.reset_password", entityId: ids.nominator } });
    const text = json(row);
    expect(text).not.toContain(password);
    expect(text).not.toContain(user.passwordHash);
    expect(text).not.toContain(oldHash);
  });

  it("deactivate and reactivate, each audited; a deactivated user cannot sign in", async () => {
    await deactivateUser(db.prisma, scopes.admin!, { id: ids.staff });
    const deactivated = await db.prisma.user.findUniqueOrThrow({ where: { id: ids.staff } });
    expect(deactivated.isActive).toBe(false);
    expect(deactivated.sessionsValidFrom).not.toBeNull();
    expect((await authenticate(db.prisma, { username: "staff", password: "Demo@2026" }, null)).ok).toBe(false);
    await reactivateUser(db.prisma, scopes.admin!, { id: ids.staff });
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: ids.staff } })).isActive).toBe(true);
    expect(await db.prisma.auditLog.count({ where: { action: "user.deactivate", entityId: ids.staff } })).toBe(1);
    expect(await db.prisma.auditLog.count({ where: { action: "user.reactivate", entityId: ids.staff } })).toBe(1);
  });

  it("an admin cannot deactivate themself", async () => {
    const before = await snapshot();
    await expect(deactivateUser(db.prisma, scopes.admin!, { id: ids.admin })).rejects.toMatchObject({ code: "validation", fieldErrors: { _form: ["cannotDeactivateSelf"] } });
    expect(await snapshot()).toEqual(before);
  });

  it("unlock clears the lock and the failure count, audited", async () => {
    await db.prisma.user.update({ where: { id: ids.doctor }, data: { failedLoginCount: 0, lockedUntil: new Date(Date.now() + 15 * 60_000) } });
    await unlockUser(db.prisma, scopes.admin!, { id: ids.doctor });
    expect(await db.prisma.user.findUniqueOrThrow({ where: { id: ids.doctor } })).toMatchObject({ failedLoginCount: 0, lockedUntil: null });
    expect((await authenticate(db.prisma, { username: "doctor", password: "Demo@2026" }, null)).ok).toBe(true);
    const row = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "user.unlock", entityId: ids.doctor } });
    expect(row.after).toEqual({ failedLoginCount: 0, lockedUntil: null });
  });
});
