// The policy's list filters against real data: two hospitals side by side, two bureaus side by side.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applicationWhere, doctorWhere, organizationWhere, postWhere, programWhere, type Scope } from "@/lib/auth/policy";
import { buildScope } from "@/lib/server/organization-tree";
import { seedDemoData } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const scopes: Record<string, Scope> = {};

async function scopeOf(username: string): Promise<Scope> {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { username } });
  return buildScope(db.prisma, user);
}

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  for (const name of ["admin", "staff", "auditor", "nominator", "nominator2", "receiver", "doctor", "wz-admin"]) {
    scopes[name] = await scopeOf(name);
  }
  // One nomination from each of the two Shaoxing hospitals, to the same post.
  const post = await db.prisma.post.findFirstOrThrow({ where: { program: { kind: "LONG_TERM_AID" }, specialty: "眼科" } });
  for (const username of ["nominator", "nominator2"]) {
    const nominator = await db.prisma.user.findUniqueOrThrow({ where: { username } });
    const doctor = await db.prisma.doctor.findFirstOrThrow({ where: { employerId: nominator.organizationId } });
    await db.prisma.application.create({
      data: { postId: post.id, doctorId: doctor.id, nominatingOrgId: nominator.organizationId, source: "UNIT", createdById: nominator.id },
    });
  }
});

afterAll(async () => {
  await db?.drop();
});

describe("list scoping in SQL", () => {
  it("a hospital sees only its own doctors and nominees", async () => {
    for (const name of ["nominator", "nominator2"]) {
      const scope = scopes[name]!;
      const doctors = await db.prisma.doctor.findMany({ where: doctorWhere(scope), select: { employerId: true } });
      expect(doctors.length).toBeGreaterThan(0);
      expect(new Set(doctors.map((d) => d.employerId))).toEqual(new Set([scope.user.organizationId]));
      const applications = await db.prisma.application.findMany({ where: applicationWhere(scope) });
      expect(applications).toHaveLength(1);
      expect(applications[0]!.nominatingOrgId).toBe(scope.user.organizationId);
    }
  });

  it("the city bureau's roles see every Shaoxing doctor and both nominations, and no Wanzhou doctor", async () => {
    const allShaoxing = await db.prisma.doctor.count({ where: { employer: { region: { startsWith: "浙江省绍兴市" } } } });
    for (const name of ["admin", "staff", "auditor"]) {
      const scope = scopes[name]!;
      expect(await db.prisma.doctor.count({ where: doctorWhere(scope) })).toBe(allShaoxing);
      expect(await db.prisma.application.count({ where: applicationWhere(scope) })).toBe(2);
    }
  });

  it("bureaus never see each other's programmes, posts or organisations", async () => {
    const shaoxing = await db.prisma.program.findMany({ where: programWhere(scopes.admin!), select: { kind: true } });
    const wanzhou = await db.prisma.program.findMany({ where: programWhere(scopes["wz-admin"]!), select: { kind: true } });
    expect(shaoxing.map((p) => p.kind)).toEqual(["LONG_TERM_AID"]);
    expect(wanzhou.map((p) => p.kind)).toEqual(["COUNTY_HIRE_TOWNSHIP_USE"]);
    const wzOrgs = await db.prisma.organization.findMany({ where: organizationWhere(scopes["wz-admin"]!), select: { name: true } });
    expect(wzOrgs.every((o) => o.name.includes("万州"))).toBe(true);
    expect(await db.prisma.application.count({ where: applicationWhere(scopes["wz-admin"]!) })).toBe(0);
  });

  it("a doctor sees only their own record", async () => {
    const scope = scopes.doctor!;
    const doctors = await db.prisma.doctor.findMany({ where: doctorWhere(scope) });
    expect(doctors.map((d) => d.id)).toEqual([scope.user.doctorId]);
  });

  it("the receiving hospital sees the posts placed with it, and no doctor before approval", async () => {
    const scope = scopes.receiver!;
    const posts = await db.prisma.post.findMany({ where: postWhere(scope), select: { receivingOrgId: true } });
    expect(posts.length).toBeGreaterThan(0);
    expect(new Set(posts.map((p) => p.receivingOrgId))).toEqual(new Set([scope.user.organizationId]));
    expect(await db.prisma.doctor.count({ where: doctorWhere(scope) })).toBe(0);
    expect(await db.prisma.application.count({ where: applicationWhere(scope) })).toBe(0);
  });

  it("units and doctors see published programmes of the bureaus above them only", async () => {
    for (const name of ["nominator", "nominator2", "doctor"]) {
      const programs = await db.prisma.program.findMany({ where: programWhere(scopes[name]!), select: { kind: true, status: true } });
      expect(programs.map((p) => p.kind)).toEqual(["LONG_TERM_AID"]);
    }
  });
});
