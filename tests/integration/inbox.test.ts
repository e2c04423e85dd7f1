// The to-do inbox (lib/server/inbox.ts) of each demo role against the full demo seed (prisma/seed*.ts:
// the selection round, the Wanzhou cohort in service with its logs, leave, hand-over, assessments and
// allowances), hand-counted from the seed files' own accounts of what they leave waiting; what lies
// outside a role's duty or scope is absent. Then the daily digest (lib/server/digest.ts) run by two
// runners at once on separate pools: one notification per user and day, and one e-mail each.
import type { Transporter } from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dayDate } from "@/lib/domain/service-period";
import { monthBounds, monthOf } from "@/lib/domain/allowance-schedule";
import { createPrismaClient } from "@/lib/prisma";
import { shanghaiToday } from "@/lib/server/allowance-schedule";
import { runDailyDigest } from "@/lib/server/digest";
import { loadInbox, type Inbox } from "@/lib/server/inbox";
import { deliverPendingEmails } from "@/lib/server/mailer";
import { buildScope } from "@/lib/server/organization-tree";
import { loadDemoRound, loadServiceDemo, seedDemoData } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const now = new Date();
const inboxes: Record<string, Inbox> = {};
/** "key: count" per item, ids replaced by the programme's name: readable in a failure. */
const summary = (username: string) => inboxes[username]!.items.map((i) => `${i.key.replace(/:[a-z0-9]{20,}$/, i.program ? `:${i.program}` : "")} ${i.count}`).sort();

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  await loadDemoRound(db.prisma);
  await loadServiceDemo(db.prisma);
  for (const user of await db.prisma.user.findMany({ where: { isActive: true } })) {
    inboxes[user.username] = await loadInbox(db.prisma, await buildScope(db.prisma, user), now);
  }
}, 240_000);

afterAll(async () => {
  await db?.drop();
});

const YUANJIANG = "绍兴市第八批援疆医生选派";

describe("each role's inbox, hand-counted from the demo seed", () => {
  it("Shaoxing's bureau: the round's applications per stage (prisma/seed/round.ts: vetted up to the inspection) and its assessment's score sheets", () => {
    for (const username of ["staff", "admin"]) {
      expect(summary(username)).toEqual(["review:INSPECTION 1", "review:PHYSICAL_EXAM 2", `score:${YUANJIANG} 4`]);
      expect(inboxes[username]!.total).toBe(7);
    }
    const review = inboxes.staff!.items.find((i) => i.key === "review:PHYSICAL_EXAM")!;
    expect(review.href).toBe("/applications?status=IN_PROGRESS&stage=PHYSICAL_EXAM");
  });

  it("units and receiving hospitals: their own doctors' score sheets only, none of the bureau's vetting nor the other unit's", () => {
    expect(summary("nominator")).toEqual([`score:${YUANJIANG} 1`]);
    expect(summary("nominator2")).toEqual([`score:${YUANJIANG} 1`]);
    expect(summary("receiver")).toEqual([`score:${YUANJIANG} 2`]);
  });

  it("Wanzhou's receiving centre (分水镇, wz-receiver): last week's two logs to confirm, one leave request, one draft score sheet (prisma/seed/service-*.ts)", () => {
    const wanzhou = inboxes["wz-receiver"]!.items.find((i) => i.kind === "score")!.program!;
    expect(summary("wz-receiver")).toEqual([`leave:PENDING_SUPERVISOR 1`, `score:${wanzhou} 1`, "workLog 2"]);
    const leave = inboxes["wz-receiver"]!.items.find((i) => i.kind === "leave")!;
    // Filed for twelve days from today (service-leave.ts): that day is its deadline, a calendar day.
    expect(leave).toMatchObject({ step: "supervisor", deadlineIsDay: true, href: "/leave" });
    expect(leave.deadline!.getTime() - dayDate(shanghaiToday(now)).getTime()).toBe(12 * 86_400_000);
    // 龙驹镇's supervisor has 向成's hand-over packet to read (service-handover.ts); 分水镇's has not.
    expect(summary("wz-receiver-lj")).toEqual([`score:${wanzhou} 2`, "handover 1"].sort());
    expect(inboxes["wz-receiver-lj"]!.items.find((i) => i.kind === "handover")!.href).toMatch(/^\/dispatches\/\w+\/handover$/);
  });

  it("Wanzhou's bureau: the one score sheet still a draft; nothing of Shaoxing's round", () => {
    expect(inboxes["wz-admin"]!.items.map((i) => i.kind)).toEqual(["score"]);
    expect(inboxes["wz-admin"]!.total).toBe(1);
  });

  it("finance: this month's unpaid lines of its bureau's programmes, as many and as much as the lines themselves", async () => {
    const monthEnd = dayDate(monthBounds(monthOf(shanghaiToday(now))).last);
    const finance = await db.prisma.user.findUniqueOrThrow({ where: { username: "finance" } });
    const due = await db.prisma.allowanceLine.aggregate({
      where: { status: "UNPAID", dueDate: { lte: monthEnd }, dispatch: { program: { bureauId: finance.organizationId } } },
      _count: { _all: true },
      _sum: { amountFen: true },
    });
    expect(due._count._all).toBeGreaterThan(0);
    expect(inboxes.finance!.items).toEqual([expect.objectContaining({ kind: "payment", count: due._count._all, amountFen: due._sum.amountFen, deadlineIsDay: true, href: "/allowances" })]);
    // Shaoxing's lines (the 援疆 programme) are another finance office's.
    const all = await db.prisma.allowanceLine.count({ where: { status: "UNPAID", dueDate: { lte: monthEnd } } });
    const shaoxing = await db.prisma.allowanceLine.count({ where: { status: "UNPAID", dueDate: { lte: monthEnd }, dispatch: { program: { name: YUANJIANG } } } });
    expect(all - shaoxing).toBe(due._count._all);
  });

  it("the doctors and the auditor: nothing waits on them; the oldest item comes first", () => {
    expect(inboxes.doctor!.items).toEqual([]);
    expect(inboxes["wz-doctor"]!.items).toEqual([]);
    expect(inboxes.auditor!.items).toEqual([]);
    for (const inbox of Object.values(inboxes)) {
      const since = inbox.items.map((i) => i.since?.getTime() ?? Infinity);
      expect(since).toEqual([...since].sort((a, b) => a - b));
    }
  });

  it("a doctor's returned log is his own item, leading to his dispatch's logs; the supervisor's count drops by it", async () => {
    const log = await db.prisma.workLog.findFirstOrThrow({ where: { status: "SUBMITTED", dispatch: { doctor: { name: "谭晓宇" } } } });
    await db.prisma.workLog.update({ where: { id: log.id }, data: { status: "RETURNED", reviewComment: "请核对", reviewedAt: now } });
    const scopeOf = async (username: string) => buildScope(db.prisma, await db.prisma.user.findUniqueOrThrow({ where: { username } }));
    const doctor = await loadInbox(db.prisma, await scopeOf("wz-doctor"), now);
    expect(doctor.items).toEqual([expect.objectContaining({ kind: "returnedLog", count: 1, href: `/dispatches/${log.dispatchId}/logs` })]);
    expect((await loadInbox(db.prisma, await scopeOf("wz-receiver"), now)).items.find((i) => i.kind === "workLog")!.count).toBe(1);
    // Another doctor sees none of it.
    expect((await loadInbox(db.prisma, await scopeOf("doctor"), now)).items).toEqual([]);
    await db.prisma.workLog.update({ where: { id: log.id }, data: { status: "SUBMITTED", reviewComment: null, reviewedAt: null } });
  });
});

describe("the daily digest", () => {
  it("sent once per user and day by two runners at once on separate pools, and e-mailed once by two mailers at once", async () => {
    const [a, b] = [createPrismaClient(db.url, { maxConnections: 2 }), createPrismaClient(db.url, { maxConnections: 2 })];
    try {
      const [first, second] = await Promise.all([runDailyDigest(a, { now }), runDailyDigest(b, { now })]);
      const waiting = Object.entries(inboxes).filter(([, inbox]) => inbox.total > 0).map(([username]) => username);
      expect(first.sent + second.sent).toBe(waiting.length);
      expect(first.sent + first.empty + first.skipped).toBeGreaterThan(0);
      const rows = await db.prisma.notification.groupBy({ by: ["userId"], where: { kind: "digest" }, _count: { _all: true } });
      expect(rows).toHaveLength(waiting.length);
      expect(rows.every((r) => r._count._all === 1)).toBe(true);
      expect(await db.prisma.digestRun.count()).toBe(Object.keys(inboxes).length);

      // The staff's digest names each item with its count, in the staff's language.
      const staff = await db.prisma.notification.findFirstOrThrow({ where: { kind: "digest", user: { username: "staff" } } });
      expect(staff.title).toBe("今日待办：7 项");
      expect(staff.body).toContain("体检待审：2 项");
      expect(staff.link).toBe("/");

      // A later round the same day sends nothing more.
      expect((await runDailyDigest(a, { now })).sent).toBe(0);
      expect(await db.prisma.notification.count({ where: { kind: "digest" } })).toBe(waiting.length);

      // E-mail: two instances' mailers at once send each digest once.
      await db.prisma.user.updateMany({ data: { email: "someone@example.org" } });
      const sent: string[] = [];
      const transport = { sendMail: async (mail: { subject: string; to: string }) => void sent.push(`${mail.to} ${mail.subject}`) } as unknown as Transporter;
      const config = { url: "smtp://localhost:1", from: "noreply@example.org" };
      const [m1, m2] = await Promise.all([deliverPendingEmails(a, { config, transport }), deliverPendingEmails(b, { config, transport })]);
      // Both picked the same oldest rows; each row was claimed by one of them: as many mails as rows stamped, none twice.
      expect(m1.sent + m2.sent).toBe(sent.length);
      expect(sent.length).toBeGreaterThan(0);
      expect(await db.prisma.notification.count({ where: { emailedAt: { not: null } } })).toBe(sent.length);
    } finally {
      await Promise.all([a.$disconnect(), b.$disconnect()]);
    }
  });
});
