// Missing data stays missing (issue 15): a doctor created through the API without a position rank is
// stored with none (null), never 医师; a doctor whose document is a Hong Kong/Macao permit or a
// passport is recorded with the birth date entered by hand; a mainland ID must still match it.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { composeIdNumber } from "@/lib/domain/id-number";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashToken } from "@/lib/server/api-tokens";
import { demoWorld, SXRM } from "./setup/vetting-fixtures";

const holder = vi.hoisted(() => ({ prisma: undefined as unknown as PrismaClient }));
vi.mock("@/lib/db", () => ({ get prisma() { return holder.prisma; } }));
vi.mock("@/lib/auth/session", () => ({ getSessionUser: async () => null }));

const w = demoWorld();
const token = `mdt_missing_${"m".repeat(26)}`;

beforeAll(async () => {
  holder.prisma = w.db.prisma;
  const admin = await w.db.prisma.user.findUniqueOrThrow({ where: { username: "admin" } });
  await w.db.prisma.apiToken.create({ data: { userId: admin.id, name: "missing", prefix: token.slice(0, 8), tokenHash: hashToken(token), createdById: admin.id } });
});

async function create(body: Record<string, unknown>) {
  const { POST } = await import("@/app/api/v1/doctors/route");
  const request = new NextRequest("http://localhost/api/v1/doctors", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  const response = await POST(request, { params: Promise.resolve({}) });
  return { status: response.status, json: (await response.json()) as { id?: string; error?: { fieldErrorKeys?: Record<string, string[]> } } };
}

const base = () => ({ name: "缺项医生", sex: "FEMALE", ethnicity: "汉族", education: "BACHELOR", employerId: w.demo.org(SXRM), department: "口腔科", specialty: "口腔科" });

describe("doctors created through the API", () => {
  it("without a position rank (or any optional field): stored as missing, not as a default", async () => {
    const { status, json } = await create({ ...base(), birthDate: "1983-07-08", idNumber: composeIdNumber("330602", "1983-07-08", 426) });
    expect(status).toBe(201);
    const doctor = await w.db.prisma.doctor.findUniqueOrThrow({ where: { id: json.id! } });
    expect(doctor).toMatchObject({ positionRank: null, practisingCategory: null, positionTitle: null, degree: null, major: null, hireDate: null, phone: null, idType: "MAINLAND_ID" });
  });

  it("with a Hong Kong/Macao permit or a passport and the birth date entered by hand", async () => {
    const hk = await create({ ...base(), name: "陈港生", idType: "HK_MACAO_PERMIT", idNumber: "H60012345", birthDate: "1979-10-01", positionRank: "STAFF" });
    expect(hk.status).toBe(201);
    expect(await w.db.prisma.doctor.findUniqueOrThrow({ where: { id: hk.json.id! } })).toMatchObject({ idType: "HK_MACAO_PERMIT", idNumber: "H60012345", birthDate: new Date("1979-10-01T00:00:00Z") });
    const passport = await create({ ...base(), name: "Anna Li", idType: "PASSPORT", idNumber: "E12345678", birthDate: "1990-02-28" });
    expect(passport.status).toBe(201);
  });

  it("a mainland ID must still be valid and match the birth date; a bad document number is refused", async () => {
    const mismatch = await create({ ...base(), birthDate: "1983-07-09", idNumber: composeIdNumber("330602", "1983-07-08", 428) });
    expect(mismatch.status).toBe(422);
    expect(mismatch.json.error?.fieldErrorKeys?.idNumber).toEqual(["idNumberBirthMismatch"]);
    const passportAsMainland = await create({ ...base(), birthDate: "1990-02-28", idNumber: "E12345679" });
    expect(passportAsMainland.json.error?.fieldErrorKeys?.idNumber).toEqual(["idNumberInvalid"]);
    const badPermit = await create({ ...base(), idType: "TAIWAN_PERMIT", birthDate: "1990-02-28", idNumber: "12/34" });
    expect(badPermit.status).toBe(422);
    expect(await w.db.prisma.doctor.count({ where: { name: "缺项医生", birthDate: { in: [new Date("1983-07-09T00:00:00Z"), new Date("1990-02-28T00:00:00Z")] } } })).toBe(0);
  });
});
