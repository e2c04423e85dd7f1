// DoctorTally, the doctors counted per employer that the "Doctor" triggers keep in the same transaction
// (migration 20261211000000_doctor_tally_inbox_wait; issue 17): after the seed, a doctor added, several
// added in one statement, two transactions adding to one unit at the same moment, a doctor moved to
// another unit, edited without moving, and deleted — the table equals a fresh GROUP BY over the registry,
// row for row; and the doctors list's total, which sums it where it can, equals a count of the rows the
// list itself finds (with and without filters, for a bureau and a hospital).
import { describe, expect, it } from "vitest";
import { doctorListQuerySchema } from "@/lib/schemas/doctors";
import { listDoctors } from "@/lib/server/doctors";
import { demoWorld, makeDoctor, SXRM, ZJRM } from "./setup/vetting-fixtures";

const w = demoWorld();

/** Rows of the tally that a fresh count over the registry does not give, and the other way round. */
async function staleRows() {
  return w.db.prisma.$queryRaw<Record<string, unknown>[]>`
    WITH fresh AS (SELECT "employerId", count(*)::int AS n FROM "Doctor" GROUP BY 1),
         kept AS (SELECT "employerId", n FROM "DoctorTally")
    (SELECT 'only in the tally' AS side, * FROM (SELECT * FROM kept EXCEPT SELECT * FROM fresh) a)
    UNION ALL
    (SELECT 'only in the registry' AS side, * FROM (SELECT * FROM fresh EXCEPT SELECT * FROM kept) b)`;
}

const unitId = async (name: string) => (await w.db.prisma.organization.findFirstOrThrow({ where: { name }, select: { id: true } })).id;
const keptFor = async (employerId: string) => (await w.db.prisma.doctorTally.findUnique({ where: { employerId } }))?.n ?? 0;

describe("the doctors per employer the triggers keep", () => {
  it("equal a fresh count after the seed and every kind of change", async () => {
    expect(await staleRows()).toEqual([]);
    const [sx, zj] = [await unitId(SXRM), await unitId(ZJRM)];
    const before = await keptFor(sx);
    expect(before).toBeGreaterThan(0);

    const added = await makeDoctor(w.db.prisma, sx, "计数医生甲");
    expect(await keptFor(sx)).toBe(before + 1);

    // Two transactions adding to the same unit at once: both count.
    await Promise.all([makeDoctor(w.db.prisma, sx, "计数医生乙"), makeDoctor(w.db.prisma, sx, "计数医生丙")]);
    expect(await keptFor(sx)).toBe(before + 3);

    // Edited without moving: no change. Moved to another unit: one less here, one more there.
    const zjBefore = await keptFor(zj);
    await w.db.prisma.doctor.update({ where: { id: added }, data: { department: "眼科二病区" } });
    expect(await keptFor(sx)).toBe(before + 3);
    await w.db.prisma.doctor.update({ where: { id: added }, data: { employerId: zj } });
    expect([await keptFor(sx), await keptFor(zj)]).toEqual([before + 2, zjBefore + 1]);

    // Several moved in one statement, then deleted.
    await w.db.prisma.$executeRaw`UPDATE "Doctor" SET "employerId" = ${zj} WHERE name IN ('计数医生乙', '计数医生丙')`;
    expect([await keptFor(sx), await keptFor(zj)]).toEqual([before, zjBefore + 3]);
    await w.db.prisma.doctor.deleteMany({ where: { name: { in: ["计数医生甲", "计数医生乙", "计数医生丙"] } } });
    expect([await keptFor(sx), await keptFor(zj)]).toEqual([before, zjBefore]);
    expect(await staleRows()).toEqual([]);
  });

  it("give the doctors list's total, filtered or not, for a bureau and a hospital", async () => {
    const sx = await unitId(SXRM);
    for (const username of ["staff", "nominator"] as const) {
      for (const params of [{}, { employerId: sx }, { q: "医" }, { employerId: "not-a-unit" }]) {
        const query = doctorListQuerySchema.parse({ ...params, size: "100" });
        const page = await listDoctors(w.db.prisma, w.s[username], query);
        let all = 0;
        for (let n = 1; ; n++) {
          const rows = await listDoctors(w.db.prisma, w.s[username], doctorListQuerySchema.parse({ ...params, size: "100", page: String(n) }));
          all += rows.rows.length;
          if (rows.rows.length < 100) break;
        }
        expect(page.total, `${username} ${JSON.stringify(params)}`).toBe(all);
      }
    }
  });
});
