// The application list's server-side sort (whitelisted keys only), page size, and its export (same
// scope, filters and order), on real PostgreSQL with the demo seed.
import { describe, expect, it } from "vitest";
import { STAGE_KINDS } from "@/lib/domain/program-timeline";
import { listApplications, listApplicationsForExport } from "@/lib/server/application-queries";
import { SXRM, ZJRM, demoWorld, placeApplications } from "./setup/vetting-fixtures";

const w = demoWorld();

describe("listApplications", () => {
  it("sorts by a whitelisted column in SQL, both ways, and ignores any other key", async () => {
    const postId = w.demo.post("眼科医生");
    await placeApplications(w.db.prisma, w.demo, postId, SXRM, "PHYSICAL_EXAM", 3);
    await placeApplications(w.db.prisma, w.demo, postId, ZJRM, "REGISTRATION", 3);
    const names = async (query: Record<string, string>) => (await listApplications(w.db.prisma, w.s.staff, { size: "100", ...query })).rows.map((r) => r.doctor.name);

    const asc = await names({ sort: "doctor", dir: "asc" });
    expect(asc.length).toBeGreaterThanOrEqual(6);
    expect(asc).toEqual([...asc].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(await names({ sort: "doctor", dir: "desc" })).toEqual([...asc].reverse());

    const stages = (await listApplications(w.db.prisma, w.s.staff, { size: "100", sort: "stage", dir: "asc" })).rows.map((r) => r.currentStage);
    // In the order of the stages (the enum's order in the database), not alphabetical.
    const order = stages.map((s) => STAGE_KINDS.indexOf(s));
    expect(order).toEqual([...order].sort((a, b) => a - b));

    // A key not on the whitelist (a column name, an injection) falls back to the default order.
    expect(await names({ sort: "doctor.idNumber" })).toEqual(await names({}));
    expect(await names({ sort: "name; DROP TABLE \"Application\"" })).toEqual(await names({}));
  });

  it("gives pages of the chosen size, and only the sizes offered", async () => {
    const all = await listApplications(w.db.prisma, w.s.staff, { size: "100" });
    const small = await listApplications(w.db.prisma, w.s.staff, { size: "20" });
    expect(small.rows.length).toBe(Math.min(20, all.total));
    expect(small.pageCount).toBe(Math.max(1, Math.ceil(all.total / 20)));
    // 7 is not offered: the default 20.
    expect((await listApplications(w.db.prisma, w.s.staff, { size: "7" })).rows.length).toBe(Math.min(20, all.total));
  });
});

describe("listApplicationsForExport", () => {
  it("exports the list's rows with the same scope, filters and order", async () => {
    const query = { status: "IN_PROGRESS", sort: "doctor", dir: "desc" };
    const exported = await listApplicationsForExport(w.db.prisma, w.s.nominator2, query);
    const listed = await listApplications(w.db.prisma, w.s.nominator2, { ...query, size: "100" });
    expect(exported.rows.map((r) => r.id)).toEqual(listed.rows.map((r) => r.id));
    expect(exported.total).toBe(listed.total);
    // 诸暨 sees only its own.
    expect(new Set(exported.rows.map((r) => r.nominatingOrg.id))).toEqual(new Set(exported.total ? [w.demo.org(ZJRM)] : []));
  });
});
