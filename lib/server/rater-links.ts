import "server-only";
import { createHash, randomBytes } from "node:crypto";
import QRCode from "qrcode";
import type { Transporter } from "nodemailer";
import { createTranslator } from "next-intl";
import { audit } from "../audit";
import { authorize, assessmentSubjectWhere, type Scope } from "../auth/policy";
import { isLinkParty, linkExpiry, raterLinkState, type RaterLinkState } from "../domain/rater-links";
import { AppError } from "../errors";
import type { PrismaClient } from "../generated/prisma/client";
import type { EvaluationParty } from "../generated/prisma/enums";
import { defaultLocale, timeZone } from "../i18n/config";
import { loadMessages } from "../i18n/messages";
import { createRaterLinkSchema, raterScoreSchema, raterTokenSchema, revokeRaterLinkSchema } from "../schemas/evaluations";
import { countAttempt, isOverLimit, RATER_LINK_FAILURES_PER_ADDRESS } from "./attempts";
import { appendScore, type SavedScore } from "./evaluations";
import { actorOf, fieldError, parse, runTx, visibleOr } from "./kit";
import { createMailTransport, mailConfigFromEnv, type MailConfig } from "./mailer";

// Raters without an account (issue 14): staff make a link for one doctor of an assessment and one
// party (a mentee, the receiving unit's staff); the rater opens /rate/<token>, sees only that sheet,
// and submits it once. The token is 32 random bytes; only its SHA-256 is stored, so the link is shown
// (and printed as a QR code, or e-mailed) once, when it is made. A link is refused when used, revoked
// or expired, each with its own words; an unknown token counts against the caller's address like a
// bearer-token guess (lib/server/attempts.ts), and past the limit every lookup from it is refused.

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function raterLinkPath(token: string): string {
  return `/rate/${token}`;
}

export interface CreatedRaterLink {
  id: string;
  token: string;
  /** The link's path; the page shows it absolute (with the app's address) and as a QR code. */
  path: string;
  expiresAt: Date;
  emailed: boolean;
}

interface MailOptions {
  config?: MailConfig | null;
  transport?: Transporter;
  /** The app's address, for the absolute link in the e-mail (NEXTAUTH_URL otherwise). */
  appUrl?: string;
}

/** Staff make a link for one doctor and one party no account scores as; e-mailed after commit when SMTP is configured. */
export async function createRaterLink(db: PrismaClient, scope: Scope, raw: unknown, options: MailOptions & { now?: Date } = {}): Promise<CreatedRaterLink> {
  const input = parse(createRaterLinkSchema, raw);
  authorize(scope, "evaluation.manage");
  const now = options.now ?? new Date();
  const token = newToken();
  const created = await runTx(db, async (tx) => {
    const subject = visibleOr(
      await tx.assessmentSubject.findFirst({
        where: { AND: [{ id: input.subjectId }, assessmentSubjectWhere(scope)] },
        select: {
          id: true,
          assessed: true,
          doctor: { select: { name: true } },
          assessment: { select: { status: true, year: true, program: { select: { bureauId: true, name: true } }, scheme: { select: { parties: { select: { party: true } } } } } },
        },
      }),
    );
    authorize(scope, "evaluation.manage", { organizationId: subject.assessment.program.bureauId });
    if (!subject.assessment.scheme.parties.some((p) => p.party === input.party)) throw fieldError("party", "partyNotInScheme");
    if (!isLinkParty(input.party)) throw fieldError("party", "partyNotForLinks");
    if (subject.assessment.status !== "SCORING") throw new AppError("conflict", "assessmentFinal");
    if (!subject.assessed) throw new AppError("conflict", "notAssessed", undefined, { doctor: subject.doctor.name });
    if (await tx.assessmentScore.count({ where: { subjectId: subject.id, party: input.party, submitted: true } })) {
      throw new AppError("conflict", "alreadySubmitted", undefined, { doctor: subject.doctor.name });
    }
    const link = await tx.raterLink.create({
      data: { subjectId: subject.id, party: input.party, tokenHash: hashToken(token), raterName: input.raterName, email: input.email ?? null, expiresAt: linkExpiry(now, input.validDays), createdById: scope.user.id, createdAt: now },
      select: { id: true, expiresAt: true },
    });
    await audit(tx, {
      actor: await actorOf(tx, scope),
      action: "evaluation.rater_link_created",
      entity: "RaterLink",
      entityId: link.id,
      after: { doctor: subject.doctor.name, party: input.party, rater: input.raterName, email: input.email ?? null, expiresAt: link.expiresAt },
    });
    return { ...link, doctor: subject.doctor.name, program: subject.assessment.program.name, year: subject.assessment.year };
  });
  const emailed = input.email ? await mailLink(db, created.id, input.email, input.raterName, token, created, options) : false;
  return { id: created.id, token, path: raterLinkPath(token), expiresAt: created.expiresAt, emailed };
}

/** The link by e-mail, after commit; a failure leaves the link as made (staff print it or make another). */
async function mailLink(
  db: PrismaClient,
  linkId: string,
  to: string,
  raterName: string,
  token: string,
  about: { doctor: string; program: string; year: number; expiresAt: Date },
  options: MailOptions,
): Promise<boolean> {
  const config = options.config === undefined ? mailConfigFromEnv() : options.config;
  if (!config) return false;
  const appUrl = options.appUrl ?? config.appUrl;
  if (!appUrl) return false;
  const t = createTranslator({ locale: defaultLocale, messages: await loadMessages(defaultLocale), timeZone, namespace: "evaluations.raterLinks.email" });
  const url = new URL(raterLinkPath(token), appUrl).toString();
  const values = { rater: raterName, doctor: about.doctor, program: about.program, year: String(about.year), url, expiresAt: about.expiresAt };
  try {
    const transport = options.transport ?? createMailTransport(config);
    await transport.sendMail({ from: config.from, to, subject: t("subject" as never, values as never), text: t("body" as never, values as never) });
    await db.raterLink.update({ where: { id: linkId }, data: { emailedAt: new Date() } });
    return true;
  } catch (error) {
    console.error(`[mailer] rater link ${linkId} not sent:`, error instanceof Error ? error.message : error);
    return false;
  }
}

/** The link as an SVG QR code, for printing. */
export async function raterLinkQr(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
}

export async function revokeRaterLink(db: PrismaClient, scope: Scope, raw: unknown, now = new Date()): Promise<{ id: string }> {
  const input = parse(revokeRaterLinkSchema, raw);
  authorize(scope, "evaluation.manage");
  return runTx(db, async (tx) => {
    const found = visibleOr(await tx.raterLink.findFirst({ where: { id: input.linkId, ...(input.subjectId ? { subjectId: input.subjectId } : {}), subject: assessmentSubjectWhere(scope) }, select: { id: true } }));
    await tx.$queryRaw`SELECT id FROM "RaterLink" WHERE id = ${found.id} FOR UPDATE`;
    const link = await tx.raterLink.findUniqueOrThrow({
      where: { id: found.id },
      select: { id: true, party: true, raterName: true, usedAt: true, revokedAt: true, expiresAt: true, subject: { select: { doctor: { select: { name: true } }, assessment: { select: { program: { select: { bureauId: true } } } } } } },
    });
    authorize(scope, "evaluation.manage", { organizationId: link.subject.assessment.program.bureauId });
    const state = raterLinkState(link, now);
    if (state !== "open") throw new AppError("conflict", `link_${state}`);
    await tx.raterLink.update({ where: { id: link.id }, data: { revokedAt: now, revokedById: scope.user.id } });
    await audit(tx, {
      actor: await actorOf(tx, scope),
      action: "evaluation.rater_link_revoked",
      entity: "RaterLink",
      entityId: link.id,
      after: { doctor: link.subject.doctor.name, party: link.party, rater: link.raterName },
    });
    return { id: link.id };
  });
}

export interface RaterLinkView {
  id: string;
  party: EvaluationParty;
  raterName: string;
  email: string | null;
  createdAt: Date;
  expiresAt: Date;
  emailedAt: Date | null;
  state: RaterLinkState;
  createdBy: string;
}

/** A doctor's links, for staff (the token is never shown again). */
export async function listRaterLinks(db: PrismaClient, scope: Scope, subjectId: string, now = new Date()): Promise<RaterLinkView[]> {
  authorize(scope, "evaluation.manage");
  visibleOr(await db.assessmentSubject.findFirst({ where: { AND: [{ id: subjectId }, assessmentSubjectWhere(scope)] }, select: { id: true } }));
  const rows = await db.raterLink.findMany({
    where: { subjectId },
    select: { id: true, party: true, raterName: true, email: true, createdAt: true, expiresAt: true, emailedAt: true, usedAt: true, revokedAt: true, createdBy: { select: { displayName: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
  });
  return rows.map((r) => ({ id: r.id, party: r.party, raterName: r.raterName, email: r.email, createdAt: r.createdAt, expiresAt: r.expiresAt, emailedAt: r.emailedAt, state: raterLinkState(r, now), createdBy: r.createdBy.displayName }));
}

// ───────────── The rater's side (no account: the token is the credential) ─────────────

export interface RaterForm {
  raterName: string;
  party: EvaluationParty;
  doctorName: string;
  receivingOrg: string;
  programName: string;
  year: number;
  expiresAt: Date;
  aspects: { name: string; maxPoints: number }[];
}

/**
 * The link behind a token, or a refusal in words: unknown (and counted against the address), used,
 * revoked, expired; past the guess limit nothing is looked up.
 */
async function openLink(db: PrismaClient, token: string, address: string | null, now: Date) {
  const subject = address ?? "unknown";
  const limited = await isOverLimit(db, RATER_LINK_FAILURES_PER_ADDRESS, subject, now);
  if (!limited.allowed) throw new AppError("conflict", "link_tooManyGuesses", undefined, { minutes: String(Math.ceil(limited.retryAfterSeconds / 60)) });
  const parsed = raterTokenSchema.safeParse(token);
  const link = parsed.success ? await db.raterLink.findUnique({ where: { tokenHash: hashToken(parsed.data) }, select: { id: true, usedAt: true, revokedAt: true, expiresAt: true } }) : null;
  if (!link) {
    await countAttempt(db, RATER_LINK_FAILURES_PER_ADDRESS, subject, now);
    throw new AppError("notFound", "link_unknown");
  }
  const state = raterLinkState(link, now);
  if (state !== "open") throw new AppError("conflict", `link_${state}`);
  return link;
}

export async function raterLinkForm(db: PrismaClient, token: string, address: string | null, now = new Date()): Promise<RaterForm> {
  const { id } = await openLink(db, token, address, now);
  const link = await db.raterLink.findUniqueOrThrow({
    where: { id },
    select: {
      raterName: true,
      party: true,
      expiresAt: true,
      subject: {
        select: {
          doctor: { select: { name: true } },
          receivingOrg: { select: { name: true } },
          assessment: { select: { year: true, program: { select: { name: true } }, scheme: { select: { aspects: { select: { name: true, maxPoints: true }, orderBy: { sequence: "asc" } } } } } },
        },
      },
    },
  });
  return {
    raterName: link.raterName,
    party: link.party,
    doctorName: link.subject.doctor.name,
    receivingOrg: link.subject.receivingOrg.name,
    programName: link.subject.assessment.program.name,
    year: link.subject.assessment.year,
    expiresAt: link.expiresAt,
    aspects: link.subject.assessment.scheme.aspects,
  };
}

/** The rater's one submission: the link locked, checked again, used; the score row and the audit row in one transaction. */
export async function scoreByLink(db: PrismaClient, token: string, raw: unknown, address: string | null, now = new Date()): Promise<SavedScore> {
  const { id } = await openLink(db, token, address, now);
  const input = parse(raterScoreSchema, raw);
  return runTx(db, async (tx) => {
    await tx.$queryRaw`SELECT id FROM "RaterLink" WHERE id = ${id} FOR UPDATE`;
    const link = await tx.raterLink.findUniqueOrThrow({ where: { id }, select: { id: true, subjectId: true, party: true, raterName: true, usedAt: true, revokedAt: true, expiresAt: true } });
    const state = raterLinkState(link, now);
    if (state !== "open") throw new AppError("conflict", `link_${state}`);
    const saved = await appendScore(tx, {
      subjectId: link.subjectId,
      party: link.party,
      points: input.points,
      submit: true,
      correctionReason: null,
      by: { raterLinkId: link.id },
      actor: null,
      mayScore: () => true,
      rater: link.raterName,
    });
    await tx.raterLink.update({ where: { id: link.id }, data: { usedAt: now } });
    return saved;
  });
}
