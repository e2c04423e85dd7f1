// 20 000 applications for the vetting benchmark, deterministic: one programme of Shaoxing's city bureau
// in VETTING with seed 000's seven stages and ratios, 250 posts of headcount 10 (specialties in
// proportion to the registry's doctors), 80 applications a post from distinct doctors of the post's
// specialty, spread over the stages as a round in progress looks (below), with the decisions that
// brought each one there (~46 500). Every post stays within its caps: 28 passed the shortlist (1:3 → 30),
// 20 passed the report list (1:2 → 20), 10 approved (headcount) — so the report list has 250 × 20 =
// 5 000 rows, the export the issue asks to measure.
import type { ApplicationStatus, DecisionOutcome, EligibilityVerdict, StageKind } from "@/lib/generated/prisma/enums";
import { shanghai, seededRandom } from "@/prisma/seed/util";

export const BENCH_PROGRAM_ID = "bench-program-vetting";
export const BENCH_PROGRAM_NAME = "绍兴市2026年度援疆医生选派（基准数据）";
export const POST_COUNT = 250;
export const PER_POST = 80;
export const HEADCOUNT = 10;
export const APPLICATION_COUNT = POST_COUNT * PER_POST;
export const APP_PREFIX = "bench-app-";

export const STAGES: { kind: StageKind; opensAt: Date; closesAt: Date; ratio: number | null }[] = [
  { kind: "REGISTRATION", opensAt: shanghai("2026-10-08 00:00"), closesAt: shanghai("2026-10-20 12:00"), ratio: null },
  { kind: "PRELIMINARY_REVIEW", opensAt: shanghai("2026-10-20 12:00"), closesAt: shanghai("2026-10-27 00:00"), ratio: null },
  { kind: "PHYSICAL_EXAM", opensAt: shanghai("2026-10-27 00:00"), closesAt: shanghai("2026-11-03 00:00"), ratio: null },
  { kind: "INSPECTION_SHORTLIST", opensAt: shanghai("2026-11-03 00:00"), closesAt: shanghai("2026-11-10 00:00"), ratio: 3 },
  { kind: "INSPECTION", opensAt: shanghai("2026-11-03 00:00"), closesAt: shanghai("2026-11-10 00:00"), ratio: null },
  { kind: "REPORT_LIST", opensAt: shanghai("2026-11-10 00:00"), closesAt: shanghai("2026-11-20 00:00"), ratio: 2 },
  { kind: "APPROVAL", opensAt: shanghai("2026-11-20 00:00"), closesAt: shanghai("2027-01-01 00:00"), ratio: null },
];
const ORDER = STAGES.map((s) => s.kind);

/** Where a post's 80 applications stand (in this order; counts add up to PER_POST). */
const PLAN: [count: number, status: ApplicationStatus, stage: StageKind][] = [
  [10, "APPROVED", "APPROVAL"],
  [10, "IN_PROGRESS", "APPROVAL"],
  [5, "IN_PROGRESS", "REPORT_LIST"],
  [3, "IN_PROGRESS", "INSPECTION"],
  [10, "IN_PROGRESS", "INSPECTION_SHORTLIST"],
  [10, "IN_PROGRESS", "PHYSICAL_EXAM"],
  [19, "IN_PROGRESS", "PRELIMINARY_REVIEW"],
  [4, "REJECTED", "PRELIMINARY_REVIEW"],
  [2, "REJECTED", "PHYSICAL_EXAM"],
  [2, "REJECTED", "INSPECTION_SHORTLIST"],
  [3, "WITHDRAWN", "PRELIMINARY_REVIEW"],
  [2, "PENDING_ENDORSEMENT", "REGISTRATION"],
];
if (PLAN.reduce((n, [c]) => n + c, 0) !== PER_POST) throw new Error("PLAN does not add up to PER_POST");

export interface RegistryDoctor { id: string; specialty: string; employerId: string }
export interface PostRow { id: string; title: string; specialty: string }
export interface ApplicationRow {
  id: string; postId: string; doctorId: string; nominatingOrgId: string; source: "SELF" | "UNIT"; status: ApplicationStatus;
  currentStage: StageKind; eligibilityVerdict: EligibilityVerdict; exceptionReason: string | null; rank: number | null; submittedAt: string;
}
export interface DecisionRow { id: string; applicationId: string; stage: StageKind; outcome: DecisionOutcome; reason: string | null; decidedAt: string }

/** Posts per specialty in proportion to the doctors (largest remainder), for specialties with enough doctors. */
function postsPerSpecialty(pools: Map<string, RegistryDoctor[]>): [string, number][] {
  const usable = [...pools].filter(([, ds]) => ds.length >= PER_POST * 3).sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  const total = usable.reduce((n, [, ds]) => n + ds.length, 0);
  const shares = usable.map(([s, ds]) => ({ s, exact: (POST_COUNT * ds.length) / total }));
  const counts = shares.map((x) => ({ s: x.s, n: Math.floor(x.exact), rest: x.exact - Math.floor(x.exact) }));
  let left = POST_COUNT - counts.reduce((n, c) => n + c.n, 0);
  for (const c of [...counts].sort((a, b) => b.rest - a.rest)) if (left-- > 0) c.n++;
  return counts.map((c) => [c.s, c.n]);
}

function shuffle<T>(xs: T[], rng: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/** A moment inside the stage's window, `k` steps of 7 minutes after it opens (deterministic, ordered). */
const during = (kind: StageKind, k: number) => new Date(STAGES.find((s) => s.kind === kind)!.opensAt.getTime() + 3_600_000 + (k % 1000) * 420_000).toISOString();

export function buildApplications(doctors: RegistryDoctor[], seed = 2026): { posts: PostRow[]; applications: ApplicationRow[]; decisions: DecisionRow[] } {
  const rng = seededRandom(seed);
  const pools = new Map<string, RegistryDoctor[]>();
  for (const d of [...doctors].sort((a, b) => a.id.localeCompare(b.id))) (pools.get(d.specialty) ?? pools.set(d.specialty, []).get(d.specialty)!).push(d);
  for (const pool of pools.values()) shuffle(pool, rng);

  const posts: PostRow[] = [];
  const applications: ApplicationRow[] = [];
  const decisions: DecisionRow[] = [];
  for (const [specialty, count] of postsPerSpecialty(pools)) {
    const pool = pools.get(specialty)!;
    for (let k = 0; k < count; k++) {
      const post: PostRow = { id: `bench-post-${String(posts.length + 1).padStart(3, "0")}`, title: `${specialty}医生（${k + 1}）`, specialty };
      posts.push(post);
      let i = 0;
      for (const [n, status, stage] of PLAN) {
        for (let c = 0; c < n; c++, i++) {
          const doctor = pool.pop()!;
          const id = `${APP_PREFIX}${String(applications.length + 1).padStart(5, "0")}`;
          const r = rng();
          const verdict: EligibilityVerdict = r < 0.9 ? "ELIGIBLE" : r < 0.96 ? "UNKNOWN" : "INELIGIBLE";
          const beyondShortlist = ORDER.indexOf(stage) > ORDER.indexOf("INSPECTION_SHORTLIST") || status === "APPROVED";
          applications.push({
            id, postId: post.id, doctorId: doctor.id, nominatingOrgId: doctor.employerId, source: rng() < 0.1 ? "SELF" : "UNIT", status, currentStage: stage,
            eligibilityVerdict: verdict, exceptionReason: verdict === "INELIGIBLE" ? "岗位急需，单位推荐（基准数据）" : null,
            rank: beyondShortlist ? i + 1 : null, submittedAt: during("REGISTRATION", applications.length),
          });
          if (status === "PENDING_ENDORSEMENT") continue;
          // The passes that brought it to its stage (and through approval), then how it ended.
          const passedUpTo = status === "APPROVED" ? ORDER.length : ORDER.indexOf(stage);
          for (let s = 1; s < passedUpTo; s++) decisions.push({ id: `bench-dec-${decisions.length + 1}`, applicationId: id, stage: ORDER[s]!, outcome: "PASS", reason: null, decidedAt: during(ORDER[s]!, i) });
          if (status === "REJECTED") decisions.push({ id: `bench-dec-${decisions.length + 1}`, applicationId: id, stage, outcome: "FAIL", reason: "未达到本阶段要求（基准数据）", decidedAt: during(stage, i) });
          if (status === "WITHDRAWN") decisions.push({ id: `bench-dec-${decisions.length + 1}`, applicationId: id, stage, outcome: "WITHDRAW", reason: "本人申请退出（基准数据）", decidedAt: during(stage, i) });
        }
      }
    }
  }
  if (applications.length !== APPLICATION_COUNT) throw new Error(`built ${applications.length} applications, expected ${APPLICATION_COUNT}`);
  return { posts, applications, decisions };
}
