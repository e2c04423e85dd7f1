// The counterpart map (对口支援) on real PostgreSQL, on the demo's Wanzhou cohort (ten doctors of three
// district hospitals at five township centres; 蒋波 and 秦露 planned as successors): counted in SQL per
// dispatching → receiving pair, serving now and coming; the bureau sees all of it, a dispatching
// unit its own doctors', a receiving unit who supports it, another bureau nothing; /api/v1 answers
// the document's schema.
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { counterpartMapSchema } from "@/lib/api/responses-dispatch";
import type { Scope } from "@/lib/auth/policy";
import { issueApiToken } from "@/lib/server/api-tokens";
import { counterpartMap } from "@/lib/server/counterparts";
import { buildScope } from "@/lib/server/organization-tree";
import { seedDemoData } from "@/prisma/seed";
import { seedServiceCohort } from "@/prisma/seed/service-cohort";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const s: Record<string, Scope> = {};
const FS = "重庆市万州区分水镇中心卫生院";
const LJ = "重庆市万州区龙驹镇中心卫生院";

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { prisma?: unknown }).prisma = db.prisma;
  await seedDemoData(db.prisma);
  await seedServiceCohort(db.prisma);
  for (const username of ["wz-admin", "wz-receiver", "admin", "wz-doctor"]) s[username] = await buildScope(db.prisma, await db.prisma.user.findUniqueOrThrow({ where: { username } }));
  const first = await db.prisma.organization.findFirstOrThrow({ where: { name: "重庆市万州区第一人民医院" }, select: { id: true } });
  s.unit = await buildScope(db.prisma, await db.prisma.user.create({ data: { username: "wz1-nominator", displayName: "万州一院经办", role: "HOSPITAL_NOMINATOR", organizationId: first.id, passwordHash: "x" } }));
}, 180_000);

afterAll(async () => {
  await db?.drop();
});

describe("the counterpart map", () => {
  it("the bureau: every pair of the cohort, eight serving and the two successors coming, matching the dispatches", async () => {
    const map = await counterpartMap(db.prisma, s["wz-admin"]!);
    expect(map.totals).toEqual({ here: 8, coming: 2, dispatchingOrgs: 3, receivingOrgs: 5 });
    const lj = map.pairs.filter((p) => p.receivingOrgName === LJ);
    const fromFirst = lj.find((p) => p.dispatchingOrgName === "重庆市万州区第一人民医院")!;
    expect(fromFirst.here.map((d) => d.name)).toEqual(["向成"]);
    expect(fromFirst.coming.map((d) => d.name)).toEqual(["蒋波"]);
    expect(fromFirst.coming[0]!.day > map.today).toBe(true);
    // The same figures as counting the dispatches one by one.
    const active = await db.prisma.dispatch.count({ where: { status: "ACTIVE", program: { bureau: { name: "重庆市万州区卫生健康委员会" } } } });
    expect(map.totals.here).toBe(active);
    expect(map.pairs.map((p) => p.receivingOrgName)).toEqual([...map.pairs.map((p) => p.receivingOrgName)].sort((a, b) => a.localeCompare(b, "en")));
  });

  it("a dispatching unit sees its own doctors' placements; a receiving unit who supports it; another bureau nothing", async () => {
    const unit = await counterpartMap(db.prisma, s.unit!);
    expect(new Set(unit.pairs.map((p) => p.dispatchingOrgName))).toEqual(new Set(["重庆市万州区第一人民医院"]));
    expect(unit.totals.coming).toBe(1);
    const receiver = await counterpartMap(db.prisma, s["wz-receiver"]!);
    expect(new Set(receiver.pairs.map((p) => p.receivingOrgName))).toEqual(new Set([FS]));
    expect(receiver.totals.here).toBe(3);
    expect((await counterpartMap(db.prisma, s.admin!)).pairs).toEqual([]);
    expect((await counterpartMap(db.prisma, s["wz-doctor"]!)).totals).toMatchObject({ here: 1, coming: 0 });
  });

  it("programId narrows to one programme; /api/v1/counterparts answers the document's schema", async () => {
    const program = await db.prisma.program.findFirstOrThrow({ where: { dispatches: { some: {} } }, select: { id: true } });
    expect((await counterpartMap(db.prisma, s["wz-admin"]!, { programId: program.id })).totals.here).toBe(8);
    expect((await counterpartMap(db.prisma, s["wz-admin"]!, { programId: "nothing" })).pairs).toEqual([]);
    const route = await import("@/app/api/v1/counterparts/route");
    const everywhere = { ...s["wz-admin"]!, subtreeIds: (await db.prisma.organization.findMany({ select: { id: true } })).map((o) => o.id) };
    const token = (await issueApiToken(db.prisma, everywhere, { userId: s["wz-receiver"]!.user.id, name: "test" })).token;
    const response = await route.GET(new NextRequest("http://localhost/api/v1/counterparts", { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    const json = await response.json();
    expect(counterpartMapSchema.safeParse(json).error?.issues ?? []).toEqual([]);
    expect(json.totals.here).toBe(3);
  });
});
