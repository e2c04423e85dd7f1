// The inbox (a user only ever sees and marks their own notifications), the unread count, and the
// e-mail copies through a real SMTP server in this process (smtp-server): sent to the right address
// with the notification's title and body, stamped emailedAt; a failing server leaves them pending.
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scope } from "@/lib/auth/policy";
import { loadApproachingDeadlines } from "@/lib/server/approaching-deadlines";
import { buildScope } from "@/lib/server/organization-tree";
import { reopenStage } from "@/lib/server/vetting";
import { deliverPendingEmails, type MailConfig } from "@/lib/server/mailer";
import { listNotifications, markAllNotificationsRead, markNotificationRead, unreadCount } from "@/lib/server/notification-inbox";
import { notify } from "@/lib/server/notifications";
import { seedDemoData } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const scopes: Record<string, Scope> = {};
const ids: Record<string, string> = {};

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemoData(db.prisma);
  for (const username of ["doctor", "nominator", "nominator2", "staff", "receiver"]) {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username } });
    ids[username] = user.id;
    scopes[username] = await buildScope(db.prisma, user);
  }
});

afterAll(async () => {
  await db?.drop();
});

const draft = (n: number) => ({ key: "nominated", values: { program: `项目${n}`, post: "眼科医生" }, link: `/applications/app-${n}` });

describe("the inbox", () => {
  it("lists only the caller's notifications, newest first, and counts the unread", async () => {
    await db.prisma.$transaction(async (tx) => {
      await notify(tx, [ids.doctor], draft(1));
      await notify(tx, [ids.doctor, ids.nominator], draft(2));
      await notify(tx, [ids.nominator2], draft(3));
    });
    const doctor = await listNotifications(db.prisma, scopes.doctor!, {});
    expect(doctor.total).toBe(2);
    expect(doctor.unread).toBe(2);
    expect(doctor.rows.map((r) => r.body)).toEqual([expect.stringContaining("项目2"), expect.stringContaining("项目1")]);
    expect(doctor.rows[0]).toMatchObject({ title: "您已被推荐报名", link: "/applications/app-2", readAt: null });
    expect(await unreadCount(db.prisma, ids.nominator!)).toBe(1);
    expect((await listNotifications(db.prisma, scopes.nominator!, {})).rows.every((r) => r.body.includes("项目2"))).toBe(true);
  });

  it("marks one read, refuses another user's as not found, and filters the unread", async () => {
    const [mine] = (await listNotifications(db.prisma, scopes.doctor!, {})).rows;
    const theirs = await db.prisma.notification.findFirstOrThrow({ where: { userId: ids.nominator2 } });
    await markNotificationRead(db.prisma, scopes.doctor!, { id: mine!.id });
    await markNotificationRead(db.prisma, scopes.doctor!, { id: mine!.id }); // again: no change, no error
    await expect(markNotificationRead(db.prisma, scopes.doctor!, { id: theirs.id })).rejects.toMatchObject({ code: "notFound" });
    expect((await db.prisma.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();

    expect(await unreadCount(db.prisma, ids.doctor!)).toBe(1);
    const unread = await listNotifications(db.prisma, scopes.doctor!, { filter: "unread" });
    expect(unread.rows.map((r) => r.id)).not.toContain(mine!.id);
    expect(unread.total).toBe(1);
  });

  it("marks all of the caller's read and no one else's", async () => {
    expect(await markAllNotificationsRead(db.prisma, scopes.doctor!)).toEqual({ count: 1 });
    expect(await unreadCount(db.prisma, ids.doctor!)).toBe(0);
    expect(await unreadCount(db.prisma, ids.nominator!)).toBe(1);
    expect(await unreadCount(db.prisma, ids.nominator2!)).toBe(1);
  });

  it("does not link to anything outside the app", async () => {
    await db.prisma.notification.create({ data: { userId: ids.doctor!, kind: "x", title: "t", body: "b", link: "//evil.example/x" } });
    const [row] = (await listNotifications(db.prisma, scopes.doctor!, { filter: "unread" })).rows;
    expect(row!.link).toBeNull();
    await markAllNotificationsRead(db.prisma, scopes.doctor!);
  });
});

// ───────────── Deadlines ─────────────

describe("deadlines approaching (computed from the timeline, never stored)", () => {
  // Seed 000: registration closes 2013-11-11 12:00 in Shanghai (04:00Z), preliminary review
  // 2013-11-12 00:00 (11-11 16:00Z), the physical exam 2013-11-14 00:00 (11-13 16:00Z).
  const BEFORE = new Date("2013-11-10T02:00:00Z");

  it("shows the bureau every stage closing within 72 hours, soonest first, with a link to the board", async () => {
    const deadlines = (await loadApproachingDeadlines(db.prisma, scopes.staff!, BEFORE))!;
    expect(deadlines.map((d) => [d.stage, d.closesAt.toISOString()])).toEqual([
      ["REGISTRATION", "2013-11-11T04:00:00.000Z"],
      ["PRELIMINARY_REVIEW", "2013-11-11T16:00:00.000Z"],
    ]);
    expect(deadlines[0]!.href).toBe(`/programs/${deadlines[0]!.programId}/vetting`);
    expect(await loadApproachingDeadlines(db.prisma, scopes.receiver!, BEFORE)).toBeNull();
  });

  it("shows a unit its registration deadline, and the later one staff reopened for it", async () => {
    expect((await loadApproachingDeadlines(db.prisma, scopes.nominator!, BEFORE))!.map((d) => d.stage)).toEqual(["REGISTRATION"]);
    const programId = (await loadApproachingDeadlines(db.prisma, scopes.nominator!, BEFORE))![0]!.programId;
    const after = new Date("2013-11-11T05:00:00Z");
    const zhuji = await db.prisma.user.findUniqueOrThrow({ where: { id: ids.nominator2 }, select: { organizationId: true } });
    await reopenStage(db.prisma, scopes.staff!, { programId, stage: "REGISTRATION", organizationId: zhuji.organizationId, closesAt: "2013-11-13T12:00", reason: "系统故障，延长报名" }, after);
    expect(await loadApproachingDeadlines(db.prisma, scopes.nominator!, after)).toEqual([]);
    expect(await loadApproachingDeadlines(db.prisma, scopes.nominator2!, after)).toEqual([
      { programId, programName: expect.any(String), stage: "REGISTRATION", closesAt: new Date("2013-11-13T04:00:00Z"), reopened: true, href: `/programs/${programId}` },
    ]);
    // The reopening notified the unit's nominator; those rows are not the inbox tests' concern.
    await markAllNotificationsRead(db.prisma, scopes.nominator2!);
  });
});

// ───────────── E-mail ─────────────

interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

async function startSmtp(): Promise<{ server: SMTPServer; port: number; received: ReceivedMail[] }> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === "mailer" && auth.password === "secret") callback(null, { user: "mailer" });
      else callback(new Error("bad credentials"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  server.listen(0, "127.0.0.1");
  await once(server.server, "listening");
  return { server, port: (server.server.address() as AddressInfo).port, received };
}

/** The decoded subject and text body of a simple (single-part, text/plain) message. */
function readMessage(raw: string): { subject: string; to: string; text: string } {
  const [head = "", ...rest] = raw.split("\r\n\r\n");
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const i = line.indexOf(":");
    headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  const words = (value: string) =>
    value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
      enc.toLowerCase() === "b" ? Buffer.from(data, "base64").toString("utf8") : qp(data.replace(/_/g, " ")),
    );
  const qp = (value: string) => Buffer.from(value.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8");
  const body = rest.join("\r\n\r\n");
  const encoding = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const text = encoding === "base64" ? Buffer.from(body, "base64").toString("utf8") : encoding === "quoted-printable" ? qp(body) : body;
  return { subject: words(headers.get("subject") ?? ""), to: headers.get("to") ?? "", text: text.replace(/\r\n/g, "\n") };
}

describe("e-mail copies", () => {
  const NOW = new Date();

  it("sends pending notifications of users with an address, in their words, and stamps them", async () => {
    const smtp = await startSmtp();
    try {
      await db.prisma.user.update({ where: { id: ids.doctor }, data: { email: "shen.yiming@example.org" } });
      await db.prisma.user.update({ where: { id: ids.nominator }, data: { email: "nominator@example.org", locale: "en" } });
      await db.prisma.notification.updateMany({ data: { emailedAt: NOW } }); // the inbox tests' rows: already handled
      await db.prisma.$transaction((tx) => notify(tx, [ids.doctor, ids.nominator, ids.nominator2], draft(7)));

      const config: MailConfig = { url: `smtp://mailer:secret@127.0.0.1:${smtp.port}`, from: "医师选派平台 <noreply@example.org>", appUrl: "https://xuanpai.example.org" };
      expect(await deliverPendingEmails(db.prisma, { config })).toEqual({ sent: 2, failed: 0 });

      expect(smtp.received).toHaveLength(2);
      const toDoctor = smtp.received.find((m) => m.to.includes("shen.yiming@example.org"))!;
      expect(toDoctor.to).toEqual(["shen.yiming@example.org"]);
      expect(toDoctor.from).toBe("noreply@example.org");
      const message = readMessage(toDoctor.raw);
      expect(message.subject).toBe("您已被推荐报名");
      expect(message.text).toContain("您所在单位已推荐您报名“项目7”的“眼科医生”岗位。");
      expect(message.text).toContain("在平台中查看：https://xuanpai.example.org/applications/app-7");
      const toNominator = readMessage(smtp.received.find((m) => m.to.includes("nominator@example.org"))!.raw);
      expect(toNominator.subject).toBe("You have been nominated");
      expect(toNominator.text).toContain("View in the platform: https://xuanpai.example.org/applications/app-7");

      const rows = await db.prisma.notification.findMany({ where: { body: { contains: "7" } }, select: { userId: true, emailedAt: true } });
      expect(rows.filter((r) => r.emailedAt !== null).map((r) => r.userId).sort()).toEqual([ids.doctor, ids.nominator].sort());
      // nominator2 has no address: nothing sent, the row stays pending.
      expect(rows.find((r) => r.userId === ids.nominator2)!.emailedAt).toBeNull();
      // A second round has nothing left to send.
      expect(await deliverPendingEmails(db.prisma, { config })).toEqual({ sent: 0, failed: 0 });
    } finally {
      smtp.server.close();
    }
  });

  it("leaves notifications pending when the SMTP server fails, and sends them on a later round", async () => {
    await db.prisma.$transaction((tx) => notify(tx, [ids.doctor], draft(8)));
    const pending = { userId: ids.doctor!, emailedAt: null, body: { contains: "项目8" } };

    // A server that refuses the login, then one that is not there at all.
    const smtp = await startSmtp();
    const wrongPassword: MailConfig = { url: `smtp://mailer:wrong@127.0.0.1:${smtp.port}`, from: "noreply@example.org" };
    expect(await deliverPendingEmails(db.prisma, { config: wrongPassword })).toEqual({ sent: 0, failed: 1 });
    smtp.server.close();
    await once(smtp.server.server, "close");
    const gone: MailConfig = { url: `smtp://mailer:secret@127.0.0.1:${smtp.port}`, from: "noreply@example.org" };
    expect(await deliverPendingEmails(db.prisma, { config: gone })).toEqual({ sent: 0, failed: 1 });
    expect(await db.prisma.notification.count({ where: pending })).toBe(1);
    expect(smtp.received).toHaveLength(0);

    const again = await startSmtp();
    try {
      expect(await deliverPendingEmails(db.prisma, { config: { ...gone, url: `smtp://mailer:secret@127.0.0.1:${again.port}` } })).toEqual({ sent: 1, failed: 0 });
      expect(readMessage(again.received[0]!.raw).text).toContain("项目8");
      expect(await db.prisma.notification.count({ where: pending })).toBe(0);
    } finally {
      again.server.close();
    }
  });

  it("does nothing without SMTP configured, and skips rows older than a week", async () => {
    await db.prisma.$transaction((tx) => notify(tx, [ids.doctor], draft(9)));
    expect(await deliverPendingEmails(db.prisma, { config: null })).toEqual({ sent: 0, failed: 0 });
    const smtp = await startSmtp();
    try {
      const config: MailConfig = { url: `smtp://mailer:secret@127.0.0.1:${smtp.port}`, from: "noreply@example.org" };
      const eightDaysOn = new Date(Date.now() + 8 * 86_400_000);
      expect(await deliverPendingEmails(db.prisma, { config, now: eightDaysOn })).toEqual({ sent: 0, failed: 0 });
      expect(smtp.received).toHaveLength(0);
    } finally {
      smtp.server.close();
    }
  });
});
