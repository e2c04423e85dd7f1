// API tokens against real PostgreSQL: issuing (secret shown once, only its hash stored), revoking,
// who may do either, and what a token authenticates (lib/server/api-tokens.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "@/lib/auth/policy";
import { authenticateBearer, hashToken, issueApiToken, listApiTokens, revokeApiToken } from "@/lib/server/api-tokens";
import { buildScope } from "@/lib/server/organization-tree";
import { seedDemoData } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const scopes: Record<string, Scope> = {};
const userIds: Record<string, string> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  for (const user of await db.prisma.user.findMany()) {
    userIds[user.username] = user.id;
    scopes[user.username] = await buildScope(db.prisma, user);
  }
});
afterAll(async () => {
  await db.drop();
});

describe("issuing and revoking tokens", () => {
  it("issues a token shown once: stored as its SHA-256 with an 8-character prefix, audited without the secret", async () => {
    const { id, token, prefix } = await issueApiToken(db.prisma, scopes.admin!, { userId: userIds.nominator2, name: "HIS sync", expiresOn: "" });
    const row = await db.prisma.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.prefix).toBe(token.slice(0, 8));
    expect(prefix).toBe(row.prefix);
    expect(row.createdById).toBe(userIds.admin);
    expect(row.expiresAt).toBeNull();
    const entry = await db.prisma.auditLog.findFirstOrThrow({ where: { action: "api_token.create", entityId: id } });
    expect(JSON.stringify([entry.before, entry.after])).not.toContain(token);
    expect(JSON.stringify([entry.before, entry.after])).not.toContain(row.tokenHash);
    const list = await listApiTokens(db.prisma, scopes.admin!, userIds.nominator2!);
    expect(list.map((t) => t.id)).toContain(id);
    expect(JSON.stringify(list)).not.toContain(row.tokenHash);
  });

  it("an expiry date means through that day in Beijing time; a past date is refused", async () => {
    const { id } = await issueApiToken(db.prisma, scopes.admin!, { userId: userIds.staff, name: "x", expiresOn: "2099-01-31" });
    const row = await db.prisma.apiToken.findUniqueOrThrow({ where: { id } });
    expect(row.expiresAt?.toISOString()).toBe("2099-01-31T16:00:00.000Z");
    await expect(issueApiToken(db.prisma, scopes.admin!, { userId: userIds.staff, name: "x", expiresOn: "2001-01-01" })).rejects.toMatchObject({ code: "validation", fieldErrors: { expiresOn: ["expiryInPast"] } });
    await expect(issueApiToken(db.prisma, scopes.admin!, { userId: userIds.staff, name: " ", expiresOn: "" })).rejects.toMatchObject({ code: "validation", fieldErrors: { name: ["nameRequired"] } });
  });

  it("only an administrator over the account may issue, list or revoke", async () => {
    const before = await db.prisma.apiToken.count();
    await expect(issueApiToken(db.prisma, scopes.nominator!, { userId: userIds.nominator2, name: "x" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(issueApiToken(db.prisma, scopes["wz-admin"]!, { userId: userIds.nominator2, name: "x" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listApiTokens(db.prisma, scopes["wz-admin"]!, userIds.nominator2!)).rejects.toMatchObject({ code: "forbidden" });
    await expect(issueApiToken(db.prisma, scopes.admin!, { userId: "no-such-user", name: "x" })).rejects.toMatchObject({ code: "notFound" });
    expect(await db.prisma.apiToken.count()).toBe(before);
    const { id } = await issueApiToken(db.prisma, scopes.admin!, { userId: userIds.nominator2, name: "y" });
    await expect(revokeApiToken(db.prisma, scopes["wz-admin"]!, { id })).rejects.toMatchObject({ code: "forbidden" });
    expect((await db.prisma.apiToken.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull();
  });

  it("revokes once, audited; revoking again changes nothing", async () => {
    const { id } = await issueApiToken(db.prisma, scopes.admin!, { userId: userIds.nominator2, name: "to revoke" });
    await revokeApiToken(db.prisma, scopes.admin!, { id });
    const revokedAt = (await db.prisma.apiToken.findUniqueOrThrow({ where: { id } })).revokedAt;
    expect(revokedAt).not.toBeNull();
    await revokeApiToken(db.prisma, scopes.admin!, { id });
    expect((await db.prisma.apiToken.findUniqueOrThrow({ where: { id } })).revokedAt).toEqual(revokedAt);
    expect(await db.prisma.auditLog.count({ where: { action: "api_token.revoke", entityId: id } })).toBe(1);
  });
});

describe("authenticating a bearer token", () => {
  it("accepts a live token, marks it used at most once a minute, and refuses revoked, expired, unknown tokens and inactive accounts", async () => {
    const { id, token } = await issueApiToken(db.prisma, scopes.admin!, { userId: userIds.nominator2, name: "live" });
    const t0 = new Date("2030-01-01T00:00:00Z");
    expect((await authenticateBearer(db.prisma, token, t0))?.username).toBe("nominator2");
    expect((await db.prisma.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(t0);
    await authenticateBearer(db.prisma, token, new Date(t0.getTime() + 30_000));
    expect((await db.prisma.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(t0);
    const t2 = new Date(t0.getTime() + 61_000);
    await authenticateBearer(db.prisma, token, t2);
    expect((await db.prisma.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(t2);

    expect(await authenticateBearer(db.prisma, token + "x")).toBeNull();
    expect(await authenticateBearer(db.prisma, "not-a-token")).toBeNull();

    const expiring = await issueApiToken(db.prisma, scopes.admin!, { userId: userIds.nominator2, name: "exp", expiresOn: "2099-01-01" });
    expect(await authenticateBearer(db.prisma, expiring.token, new Date("2099-01-01T15:59:00Z"))).not.toBeNull();
    expect(await authenticateBearer(db.prisma, expiring.token, new Date("2099-01-01T16:00:00Z"))).toBeNull();

    await revokeApiToken(db.prisma, scopes.admin!, { id });
    expect(await authenticateBearer(db.prisma, token)).toBeNull();

    const other = await issueApiToken(db.prisma, scopes.admin!, { userId: userIds.staff, name: "inactive" });
    await db.prisma.user.update({ where: { id: userIds.staff }, data: { isActive: false } });
    expect(await authenticateBearer(db.prisma, other.token)).toBeNull();
    await db.prisma.user.update({ where: { id: userIds.staff }, data: { isActive: true } });
  });

  it("a token works for an account whose password was never changed (integration accounts never sign in)", async () => {
    await db.prisma.user.update({ where: { id: userIds.nominator2 }, data: { mustChangePassword: true } });
    const { token } = await issueApiToken(db.prisma, scopes.admin!, { userId: userIds.nominator2, name: "fresh" });
    expect((await authenticateBearer(db.prisma, token))?.mustChangePassword).toBe(false);
  });
});
