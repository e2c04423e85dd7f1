import "server-only";
import type { StageKind } from "../generated/prisma/enums";
import type { InboxKind } from "../inbox-labels";

// The to-do inbox's items (lib/server/inbox.ts), built in one place from what either way of counting
// them finds: Prisma's group-bys over the policy's `where` fragments, or the bureau's one statement
// (lib/server/workbench-sql.ts).

export interface InboxItem {
  kind: InboxKind;
  /** Unique within the inbox: the kind and what it is grouped by. */
  key: string;
  count: number;
  /** When the oldest of them began to wait (null when not known). */
  since: Date | null;
  /** The nearest deadline: an instant, or a calendar day (deadlineIsDay) at midnight UTC. */
  deadline: Date | null;
  deadlineIsDay: boolean;
  /** Where the work is done (an in-app path). */
  href: string;
  /** review: the stage the applications wait at. */
  stage: StageKind | null;
  /** leave: whose step, the receiving supervisor's or the bureau's. */
  step: "supervisor" | "bureau" | null;
  /** objection, score: the programme's name; score: the assessment's year. */
  program: string | null;
  year: number | null;
  /** payment: the sum due, in fen. */
  amountFen: number | null;
}

export interface Inbox {
  items: InboxItem[];
  /** The sum of the items' counts. */
  total: number;
}

export const blank = { since: null, deadline: null, deadlineIsDay: false, stage: null, step: null, program: null, year: null, amountFen: null } as const;

/** The items that hold something, oldest first (items without a start last), and their total. */
export function toInbox(groups: InboxItem[][]): Inbox {
  const items = groups.flat().filter((item) => item.count > 0);
  items.sort((a, b) => (a.since?.getTime() ?? Infinity) - (b.since?.getTime() ?? Infinity) || a.key.localeCompare(b.key));
  return { items, total: items.reduce((sum, item) => sum + item.count, 0) };
}

/** Applications waiting at a stage; the deadline is the nearest close of that stage among their programmes. */
export function reviewItem(stage: StageKind, count: number, since: Date | null, deadline: Date | null): InboxItem {
  return { ...blank, kind: "review", key: `review:${stage}`, stage, count, since, deadline, href: `/applications?status=IN_PROGRESS&stage=${stage}` };
}

/** Unanswered objections to a notice; the notice's last day is when staff may confirm the list, once all are answered. */
export function objectionItem(row: { noticeId: string; count: number; since: Date | null; endDate: Date; programId: string; programName: string; rotationBatch: number }): InboxItem {
  return {
    ...blank,
    kind: "objection",
    key: `objection:${row.noticeId}`,
    count: row.count,
    since: row.since,
    deadline: row.endDate,
    deadlineIsDay: true,
    program: row.programName,
    href: `/programs/${row.programId}/notice?batch=${row.rotationBatch}`,
  };
}

/** Leave at one step; the deadline is the first day of the earliest leave waiting. */
export function leaveItem(status: string, count: number, since: Date | null, firstDay: Date | null): InboxItem {
  return {
    ...blank,
    kind: "leave",
    key: `leave:${status}`,
    step: status === "PENDING_SUPERVISOR" ? "supervisor" : "bureau",
    count,
    since,
    deadline: firstDay,
    deadlineIsDay: true,
    href: "/leave",
  };
}

/** Score sheets still to submit in one assessment. */
export function scoreItem(row: { assessmentId: string; count: number; openedAt: Date; programName: string; year: number }): InboxItem {
  return {
    ...blank,
    kind: "score",
    key: `score:${row.assessmentId}`,
    count: row.count,
    since: row.openedAt,
    program: row.programName,
    year: row.year,
    href: `/evaluations/assessments/${row.assessmentId}`,
  };
}
