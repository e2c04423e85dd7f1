// Security: another bureau's record is answered exactly like a missing one (issue 12). For every
// operation of lib/api/openapi.ts whose path names a record, the administrator and the staff of one
// bureau ask for a record of the other bureau (Shaoxing ↔ Wanzhou, both directions) and for an id
// that does not exist: the two answers must be the same status, so no answer tells that the other
// bureau's record exists (403 for one and 404 for the other would).
import path from "node:path";
import { pathToFileURL } from "node:url";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operations, type ApiOperation } from "@/lib/api/openapi";
import { hashToken } from "@/lib/server/api-tokens";
import { loadDemoRound, loadServiceCohort, loadServiceEvaluations, loadServiceLeave, loadServiceWorklogs, seedDemoData } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "./setup/db";

let db: TestDatabase;
const ROOT = path.resolve(__dirname, "../..");
const tokens: Record<string, string> = {};
const bureauOf: Record<string, string> = {};
type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Where a record's bureau is, per model, tried in order (the first the model has). */
const BUREAU_PATHS = (bureauId: string) => [
  { bureauId },
  { program: { bureauId } },
  { post: { program: { bureauId } } },
  { dispatch: { program: { bureauId } } },
  { assessment: { program: { bureauId } } },
  { application: { post: { program: { bureauId } } } },
  { dispatches: { some: { program: { bureauId } } } },
];
const MODEL_OF: Record<string, string> = { leaveId: "leaveRequest", subjectId: "assessmentSubject" };

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { prisma?: unknown }).prisma = db.prisma;
  await seedDemoData(db.prisma);
  await loadDemoRound(db.prisma);
  await loadServiceCohort(db.prisma);
  await loadServiceLeave(db.prisma);
  await loadServiceWorklogs(db.prisma);
  await loadServiceEvaluations(db.prisma);
  for (const username of ["admin", "staff", "wz-admin"]) {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username } });
    const token = `mdt_notfound_${username.replace("-", "")}_${"z".repeat(20)}`;
    await db.prisma.apiToken.create({ data: { userId: user.id, name: "not-found", prefix: token.slice(0, 8), tokenHash: hashToken(token), createdById: user.id } });
    tokens[username] = token;
    bureauOf[username] = user.organizationId;
  }
}, 240_000);
afterAll(async () => {
  await db?.drop();
});

async function recordOf(param: string, bureauId: string): Promise<string | null> {
  if (param === "list") return "report";
  const model = MODEL_OF[param] ?? param.replace(/Id$/, "");
  const delegate = (db.prisma as unknown as Record<string, { findFirst(args: object): Promise<{ id: string } | null> }>)[model];
  if (!delegate) return null;
  for (const where of BUREAU_PATHS(bureauId)) {
    try {
      const row = await delegate.findFirst({ where, select: { id: true }, orderBy: { id: "asc" } });
      if (row) return row.id;
    } catch {
      // this model has no such relation: try the next way to its bureau
    }
  }
  return null;
}

async function call(op: ApiOperation, username: string, params: Record<string, string>) {
  const file = path.join(ROOT, "app/api/v1", op.path.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
  const handler = ((await import(pathToFileURL(file).href)) as Record<string, Handler>)[op.method.toUpperCase()]!;
  const url = `http://localhost/api/v1${op.path.replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent(params[n]!))}`;
  const method = op.method.toUpperCase();
  const response = await handler(
    new NextRequest(url, { method, headers: { authorization: `Bearer ${tokens[username]}`, "content-type": "application/json", "accept-language": "en" }, ...(method === "GET" ? {} : { body: "{}" }) }),
    { params: Promise.resolve(params) },
  );
  return response.status;
}

describe("another bureau's record answers as a missing one", () => {
  it("for every documented operation on a record, both ways between the two bureaus", async () => {
    const shaoxing = bureauOf.admin!;
    const wanzhou = bureauOf["wz-admin"]!;
    const leaks: string[] = [];
    let compared = 0;
    for (const [operationId, op] of Object.entries(operations) as [string, ApiOperation][]) {
      const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      if (!names.length) continue;
      for (const [username, foreignBureau] of [["admin", wanzhou], ["staff", wanzhou], ["wz-admin", shaoxing]] as const) {
        const foreign: Record<string, string> = {};
        for (const name of names) {
          const id = await recordOf(name, foreignBureau);
          if (id) foreign[name] = id;
        }
        if (Object.keys(foreign).length !== names.length) continue;
        const missing = Object.fromEntries(names.map((n) => [n, n === "list" ? "report" : `missing-${n}`]));
        // Writes are tried too (with an empty body): their refusal must not depend on whether the record exists.
        const [other, none] = [await call(op, username, foreign), await call(op, username, missing)];
        compared++;
        if (other >= 500 || none >= 500) leaks.push(`${operationId} as ${username}: answered ${other} / ${none} (a server error is never an answer)`);
        else if (other !== none && other < 300 === false) leaks.push(`${operationId} as ${username}: another bureau's record ${other}, a missing one ${none}`);
      }
    }
    expect(compared).toBeGreaterThan(40);
    expect(leaks).toEqual([]);
  }, 600_000);
});
