// Demo data that reads like the real thing: Shaoxing's 8th batch of doctors for Xinjiang (seed 000) and
// Wanzhou's county-hire-township-use programme (seed 001), with organisations, doctors, programmes and
// one account per role.
//
//   npm run db:seed            (DATABASE_URL must name a migrated database)
//
// Idempotent: every row is looked up by its natural key and inserted only if absent; existing rows are
// never updated, so a second run changes nothing (and edits made in the app survive a re-seed). All of
// it runs in one transaction, serialised by an advisory lock so that two seeds at once cannot both insert.
import { pathToFileURL } from "node:url";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/prisma";
import { ACCOUNTS } from "./seed/accounts";
import { buildDoctorRows } from "./seed/doctors";
import { ORGS, orgName, type OrgKey } from "./seed/organizations";
import { PROGRAMS } from "./seed/programs";
import { seedWorkforce } from "./seed/workforce";
import { day } from "./seed/util";

/** The password of every demo account: upper and lower case, a digit, a symbol, 9 characters. */
export const DEMO_PASSWORD = "Demo@2026";

export interface DemoAccount {
  username: string;
  role: Role;
  organization: string;
  displayName: string;
}

export interface SeedResult {
  /** Whether this run inserted anything (false when the demo data was already complete). */
  created: boolean;
  accounts: DemoAccount[];
}

type Tx = Prisma.TransactionClient;
type Inserted = Record<string, number>;

const ADVISORY_LOCK_KEY = 727_000_001; // any constant: serialises concurrent seeds

export async function seedDemoData(prisma: PrismaClient): Promise<SeedResult> {
  // bcrypt at cost 12 takes ~200 ms: hash once, outside the transaction, and only if an account is missing.
  const usernames = ACCOUNTS.map((a) => a.username);
  const present = await prisma.user.count({ where: { username: { in: usernames } } });
  const preHashed = present < usernames.length ? await hashPassword(DEMO_PASSWORD) : null;

  const inserted = await prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${ADVISORY_LOCK_KEY})`);
      const counts: Inserted = {};
      const orgIds = await seedOrganizations(tx, counts);
      const doctorIds = await seedDoctors(tx, orgIds, counts);
      await seedPrograms(tx, orgIds, counts);
      await seedAccounts(tx, orgIds, doctorIds, preHashed, counts);
      await seedWorkforce(tx, orgIds, counts);
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      if (total > 0) {
        await tx.auditLog.create({
          data: { actorName: "seed", action: "seed.demo", entity: "System", after: { inserted: counts } },
        });
      }
      return total;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
  // The screening store (issue 17): every post × doctor verdict, judged once the registry and the rules are in.
  if (inserted > 0 || (await prisma.screeningVerdict.count()) === 0) await recomputeDemoScreening(prisma);

  return {
    created: inserted > 0,
    accounts: ACCOUNTS.map((a) => ({ username: a.username, role: a.role, organization: orgName(a.org), displayName: a.displayName })),
  };
}

/**
 * Judges every post × doctor into the screening store (issue 17). Imported when called, not with this
 * module: the e2e specs import the seed for its constants, outside the server (lib/server is server-only).
 */
async function recomputeDemoScreening(prisma: PrismaClient): Promise<void> {
  const { recomputeAllScreening } = await import("@/lib/server/screening-store");
  await recomputeAllScreening(prisma);
}

// ───────────── Organisations: by name, parents before children ─────────────

async function seedOrganizations(tx: Tx, counts: Inserted): Promise<Map<OrgKey, string>> {
  const existing = await tx.organization.findMany({ where: { name: { in: ORGS.map((o) => o.name) } }, select: { id: true, name: true } });
  const idByName = new Map(existing.map((o) => [o.name, o.id]));
  counts.organizations = 0;
  for (;;) {
    // The next level: missing organisations whose parent (if any) now exists.
    const ready = ORGS.filter((o) => !idByName.has(o.name) && (!("parent" in o) || idByName.has(orgName(o.parent))));
    if (ready.length === 0) break;
    const created = await tx.organization.createManyAndReturn({
      data: ready.map((o) => ({
        name: o.name,
        kind: o.kind,
        level: o.level,
        grade: "grade" in o ? o.grade : null,
        region: o.region,
        parentId: "parent" in o ? idByName.get(orgName(o.parent))! : null,
      })),
      select: { id: true, name: true },
    });
    for (const o of created) idByName.set(o.name, o.id);
    counts.organizations += created.length;
  }
  return new Map(ORGS.map((o) => [o.key, idByName.get(o.name)!]));
}

// ───────────── Doctors: by ID number; titles by (doctor, level, specialty); service by (doctor, place, start) ─────────────

/** Returns doctor ids keyed by `${employerKey}|${name}` (for linking accounts). */
async function seedDoctors(tx: Tx, orgIds: Map<OrgKey, string>, counts: Inserted): Promise<Map<string, string>> {
  const rows = buildDoctorRows();
  const existing = await tx.doctor.findMany({ where: { idNumber: { in: rows.map((r) => r.doctor.idNumber) } }, select: { id: true, idNumber: true } });
  const idByIdNumber = new Map(existing.map((d) => [d.idNumber, d.id]));

  const missing = rows.filter((r) => !idByIdNumber.has(r.doctor.idNumber));
  const created = missing.length
    ? await tx.doctor.createManyAndReturn({
        data: missing.map(({ doctor: { employerKey, ...d } }) => ({ ...d, employerId: orgIds.get(employerKey)! })),
        select: { id: true, idNumber: true },
        skipDuplicates: true,
      })
    : [];
  for (const d of created) idByIdNumber.set(d.idNumber, d.id);
  counts.doctors = created.length;

  const titles = rows.flatMap((r) => r.titles.map((t) => ({ ...t, doctorId: idByIdNumber.get(r.doctor.idNumber)! })));
  counts.titleRecords = (await tx.titleRecord.createMany({ data: titles, skipDuplicates: true })).count;

  const services = rows.flatMap((r) => r.grassroots.map((g) => ({ ...g, doctorId: idByIdNumber.get(r.doctor.idNumber)! })));
  const presentServices = await tx.grassrootsServiceRecord.findMany({
    where: { doctorId: { in: [...new Set(services.map((s) => s.doctorId))] } },
    select: { doctorId: true, organizationName: true, startDate: true },
  });
  const serviceKey = (s: { doctorId: string; organizationName: string; startDate: Date | string }) =>
    `${s.doctorId}|${s.organizationName}|${new Date(s.startDate).toISOString().slice(0, 10)}`;
  const seen = new Set(presentServices.map(serviceKey));
  const newServices = services.filter((s) => !seen.has(serviceKey(s)));
  counts.grassrootsServices = newServices.length ? (await tx.grassrootsServiceRecord.createMany({ data: newServices })).count : 0;

  return new Map(rows.map((r) => [`${r.doctor.employerKey}|${r.doctor.name}`, idByIdNumber.get(r.doctor.idNumber)!]));
}

// ───────────── Programmes: by (bureau, name); stages by kind; cut-offs by code; posts by
// (receiving organisation, title, specialty, batch); rules by (post, name); quotas by (post, nominator) ─────────────

async function seedPrograms(tx: Tx, orgIds: Map<OrgKey, string>, counts: Inserted): Promise<void> {
  for (const key of ["programs", "stages", "cutoffDates", "stageDocuments", "posts", "eligibilityRules", "nominationQuotas"]) counts[key] = 0;
  const org = (k: OrgKey) => orgIds.get(k)!;

  for (const p of PROGRAMS) {
    let program = await tx.program.findFirst({ where: { bureauId: org(p.bureau), name: p.name }, select: { id: true } });
    if (!program) {
      program = await tx.program.create({
        data: {
          bureauId: org(p.bureau),
          kind: p.kind,
          name: p.name,
          year: p.year,
          batchNumber: p.batchNumber,
          status: p.status,
          serviceMonths: p.serviceMonths,
          rotationBatches: p.rotationBatches,
          description: p.description,
        },
        select: { id: true },
      });
      counts.programs! += 1;
    }
    const programId = program.id;

    counts.stages! += (
      await tx.programStage.createMany({
        data: p.stages.map((s, i) => ({ programId, kind: s.kind, sequence: i + 1, opensAt: s.opensAt, closesAt: s.closesAt, ratio: s.ratio ?? null })),
        skipDuplicates: true,
      })
    ).count;
    counts.cutoffDates! += (
      await tx.cutoffDate.createMany({
        data: p.cutoffs.map((c) => ({ programId, code: c.code, label: c.label, date: day(c.date) })),
        skipDuplicates: true,
      })
    ).count;
    counts.stageDocuments! += (await tx.programStageDocument.createMany({ data: (p.documents ?? []).map((d) => ({ programId, ...d })), skipDuplicates: true })).count;

    // Posts have no unique constraint: match on the natural key by hand.
    const postKey = (x: { receivingOrgId: string; title: string; specialty: string; rotationBatch: number }) =>
      `${x.receivingOrgId}|${x.title}|${x.specialty}|${x.rotationBatch}`;
    const existingPosts = await tx.post.findMany({ where: { programId }, select: { id: true, receivingOrgId: true, title: true, specialty: true, rotationBatch: true } });
    const postIdByKey = new Map(existingPosts.map((x) => [postKey(x), x.id]));
    const postData = p.posts.map((x) => ({
      programId,
      receivingOrgId: org(x.receiving),
      title: x.title,
      specialty: x.specialty,
      headcount: x.headcount,
      rotationBatch: x.rotationBatch,
      description: x.description ?? null,
    }));
    const newPosts = postData.filter((x) => !postIdByKey.has(postKey(x)));
    if (newPosts.length) {
      const created = await tx.post.createManyAndReturn({
        data: newPosts,
        select: { id: true, receivingOrgId: true, title: true, specialty: true, rotationBatch: true },
      });
      for (const x of created) postIdByKey.set(postKey(x), x.id);
      counts.posts! += created.length;
    }
    const postIds = postData.map((x) => postIdByKey.get(postKey(x))!);

    // Rules: the programme-wide ones (postId null) and one per post where given.
    const wantedRules = [
      ...p.programRules.map((r) => ({ postId: null as string | null, name: r.name, tree: r.tree })),
      ...p.posts.flatMap((x, i) => (x.rule ? [{ postId: postIds[i]!, name: x.rule.name, tree: x.rule.tree }] : [])),
    ];
    const existingRules = await tx.eligibilityRule.findMany({ where: { programId }, select: { postId: true, name: true } });
    const ruleKey = (r: { postId: string | null; name: string }) => `${r.postId ?? ""}|${r.name}`;
    const presentRules = new Set(existingRules.map(ruleKey));
    const newRules = wantedRules.filter((r) => !presentRules.has(ruleKey(r)));
    if (newRules.length) {
      counts.eligibilityRules! += (
        await tx.eligibilityRule.createMany({
          data: newRules.map((r) => ({ programId, postId: r.postId, name: r.name, tree: r.tree as Prisma.InputJsonValue })),
        })
      ).count;
    }

    const quotas = p.posts.flatMap((x, i) =>
      (x.quotas ?? []).map((q) => ({ programId, postId: postIds[i]!, nominatingOrgId: org(q.org), minimum: q.minimum })),
    );
    if (quotas.length) counts.nominationQuotas! += (await tx.nominationQuota.createMany({ data: quotas, skipDuplicates: true })).count;
  }
}

// ───────────── Accounts: by username ─────────────

async function seedAccounts(
  tx: Tx,
  orgIds: Map<OrgKey, string>,
  doctorIds: Map<string, string>,
  preHashed: string | null,
  counts: Inserted,
): Promise<void> {
  const present = new Set((await tx.user.findMany({ where: { username: { in: ACCOUNTS.map((a) => a.username) } }, select: { username: true } })).map((u) => u.username));
  const missing = ACCOUNTS.filter((a) => !present.has(a.username));
  counts.users = 0;
  if (!missing.length) return;
  const passwordHash = preHashed ?? (await hashPassword(DEMO_PASSWORD)); // only if an account vanished meanwhile
  const now = new Date();
  counts.users = (
    await tx.user.createMany({
      data: missing.map((a) => {
        const doctorId = a.doctorName ? doctorIds.get(`${a.org}|${a.doctorName}`) : undefined;
        if (a.doctorName && !doctorId) throw new Error(`demo account ${a.username}: no doctor ${a.doctorName} at ${a.org}`);
        return {
          username: a.username,
          displayName: a.displayName,
          role: a.role,
          organizationId: orgIds.get(a.org)!,
          doctorId: doctorId ?? null,
          passwordHash,
          mustChangePassword: false,
          passwordChangedAt: now,
          locale: "zh-CN",
          phone: a.phone ?? null,
        };
      }),
      skipDuplicates: true,
    })
  ).count;
}

// ───────────── Command line ─────────────

/** Display width in a terminal: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

export function formatAccountTable(accounts: DemoAccount[]): string {
  const header = ["用户名", "角色", "单位", "姓名"];
  const rows = accounts.map((a) => [a.username, a.role, a.organization, a.displayName]);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => cells.map((c, i) => c + " ".repeat(widths[i]! - width(c))).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/**
 * The demo's selection round in progress (prisma/seed/round.ts), and two of its posts carried to their
 * dispatches (prisma/seed/round-notice.ts), loaded through the app's use cases:
 * run with scripts/lib/app-modules-hook.ts preloaded (npm start, npm run db:seed). Tests seed without it.
 */
export async function loadDemoRound(prisma: PrismaClient): Promise<number> {
  const { seedDemoRound } = await import("./seed/round");
  const { seedDemoRoundClosing } = await import("./seed/round-notice");
  const nominated = await seedDemoRound(prisma);
  // The first batch's 副院长 and 口腔科 posts carried through approval, public notice and confirmation to dispatch.
  await seedDemoRoundClosing(prisma);
  return nominated;
}

/**
 * The demo's cohort in service now (prisma/seed/service-cohort.ts: seed 001, dates relative to today),
 * loaded through the app's use cases like the round. Returns how many dispatches it created.
 */
export async function loadServiceCohort(prisma: PrismaClient): Promise<number> {
  const { seedServiceCohort } = await import("./seed/service-cohort");
  return seedServiceCohort(prisma);
}

/**
 * The demo's leave and absences on the cohort (prisma/seed/service-leave.ts), through the use cases.
 * Returns how many leave requests and attendance checks it wrote.
 */
export async function loadServiceLeave(prisma: PrismaClient): Promise<number> {
  const { seedServiceLeave } = await import("./seed/service-leave");
  return seedServiceLeave(prisma);
}

/** The cohort's weekly work logs and mentoring pairs (prisma/seed/service-worklogs.ts), bulk-inserted. */
export async function loadServiceWorklogs(prisma: PrismaClient): Promise<number> {
  const { seedServiceWorklogs } = await import("./seed/service-worklogs");
  return seedServiceWorklogs(prisma);
}

/** The hand-over packet filed in the cohort (prisma/seed/service-handover.ts). */
export async function loadServiceHandover(prisma: PrismaClient): Promise<number> {
  const { seedServiceHandover } = await import("./seed/service-handover");
  return seedServiceHandover(prisma);
}

/**
 * The demo's annual assessment of that cohort in progress (prisma/seed/service-evaluations.ts), through
 * the app's use cases. Returns how many score rows it wrote.
 */
export async function loadServiceEvaluations(prisma: PrismaClient): Promise<number> {
  const { seedServiceEvaluations } = await import("./seed/service-evaluations");
  const { seedServiceEndEvaluations } = await import("./seed/service-end-evaluations");
  const scored = await seedServiceEvaluations(prisma, DEMO_PASSWORD);
  // The end-of-service form in progress (Wanzhou) and a rater link (the six-party scheme).
  await seedServiceEndEvaluations(prisma);
  return scored;
}

/**
 * The demo's allowances (prisma/seed/service-allowances.ts): seed 001's policy on the cohort with the
 * months before this one paid and this month due, seed 000's on the 援疆 programme, through the use
 * cases. Returns how many lines it marked paid.
 */
export async function loadServiceAllowances(prisma: PrismaClient): Promise<number> {
  const { seedServiceAllowances } = await import("./seed/service-allowances");
  return seedServiceAllowances(prisma);
}

/** The whole cohort in service, in the order each part needs (tests that read every role's work at once). */
export async function loadServiceDemo(prisma: PrismaClient): Promise<void> {
  await loadServiceCohort(prisma);
  await loadServiceLeave(prisma);
  await loadServiceWorklogs(prisma);
  await loadServiceHandover(prisma);
  await loadServiceEvaluations(prisma);
  await loadServiceAllowances(prisma);
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("DATABASE_URL is not set: it must name a migrated PostgreSQL database (npm run db:migrate).");
    process.exit(1);
  }
  const prisma = createPrismaClient(url, { maxConnections: 2 });
  try {
    const started = Date.now();
    const { created, accounts } = await seedDemoData(prisma);
    const round = await loadDemoRound(prisma);
    const cohort = await loadServiceCohort(prisma);
    const leave = await loadServiceLeave(prisma);
    const worklogs = await loadServiceWorklogs(prisma);
    if (worklogs) console.log(`The cohort's work logs: ${worklogs}.`);
    if (await loadServiceHandover(prisma)) console.log("A hand-over packet filed in the cohort.");
    const evaluations = await loadServiceEvaluations(prisma);
    const allowances = await loadServiceAllowances(prisma);
    // The cohort's doctors and service records came in after seedDemoData judged the registry.
    if (cohort) await recomputeDemoScreening(prisma);
    console.log(created ? `Demo data created in ${Date.now() - started} ms.` : "Demo data already present: nothing changed.");
    if (round) console.log(`The selection round in progress: ${round} nominations with their decisions.`);
    if (cohort) console.log(`The Wanzhou cohort in service: ${cohort} dispatches.`);
    if (leave) console.log(`Leave and absences of the cohort: ${leave} requests and checks.`);
    if (evaluations) console.log(`Its annual assessment in progress: ${evaluations} score sheets.`);
    if (allowances) console.log(`Its allowances: ${allowances} lines paid in the months before this one.`);
    console.log(`\n${formatAccountTable(accounts)}\n\nPassword for every account: ${DEMO_PASSWORD}`);
  } finally {
    await prisma.$disconnect();
  }
}

const invokedPath = process.argv[1];
if (invokedPath && import.meta.url === pathToFileURL(invokedPath).href) {
  main().catch((error: unknown) => {
    console.error("Seeding failed:", error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
