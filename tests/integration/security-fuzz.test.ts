// Security: hostile bytes never produce a 500 (issue 12). Every operation documented in
// lib/api/openapi.ts — including those added later — gets a NUL byte and a lone surrogate in its
// path parameters, query and JSON body, and a body nested 5 000 levels deep, from a caller whose role
// holds the operation's permission. Each answer must be a 4xx with a message in words, and the
// database must be unchanged afterwards. Numbers are numbers: every whole-number field of every
// documented body refuses `true` and the same number as text ("1"), and a post sent with
// `headcount: true` is refused without a trace.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { operations, type ApiOperation } from "@/lib/api/openapi";
import { permissions } from "@/lib/auth/policy";
import { hashToken } from "@/lib/server/api-tokens";
import { findHostileValue, jsonDepthExceeds } from "@/lib/server/hostile-input";
import { seedDemoData } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "./setup/db";

// Route handlers that read next-intl's server API (the notice's export) get the catalogue as in a request.
vi.mock("next-intl/server", () => import("../support/next-intl-server"));

let db: TestDatabase;
const ROOT = path.resolve(__dirname, "../..");
const tokenOfRole: Record<string, string> = {};
/** Tables whose rows a 4xx may still touch: a token's last use, attempt counters, session activity. */
const VOLATILE = new Set(["ApiToken", "AttemptCounter", "UserSession", "_prisma_migrations"]);

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { prisma?: unknown }).prisma = db.prisma;
  await seedDemoData(db.prisma);
  // One bearer token per role (inserted directly: how tokens are issued is tested elsewhere).
  for (const user of await db.prisma.user.findMany({ where: { isActive: true }, orderBy: { username: "asc" } })) {
    if (tokenOfRole[user.role]) continue;
    const token = `mdt_fuzz_${user.role}_${"x".repeat(20)}`;
    await db.prisma.apiToken.create({ data: { userId: user.id, name: "fuzz", prefix: token.slice(0, 8), tokenHash: hashToken(token), createdById: user.id } });
    tokenOfRole[user.role] = token;
  }
});
afterAll(async () => {
  await db?.drop();
});

async function snapshot(): Promise<Record<string, string>> {
  const tables = await db.prisma.$queryRaw<{ tablename: string }[]>`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`;
  const result: Record<string, string> = {};
  for (const { tablename } of tables) {
    if (VOLATILE.has(tablename)) continue;
    const rows = await db.prisma.$queryRawUnsafe<{ n: bigint; h: string | null }[]>(`SELECT count(*) AS n, md5(string_agg(t::text, '|' ORDER BY t::text)) AS h FROM "${tablename}" t`);
    result[tablename] = `${rows[0]!.n}:${rows[0]!.h ?? ""}`;
  }
  return result;
}

/** A real id for a path parameter named <model>Id, found through the Prisma delegate of that model. */
async function realId(param: string): Promise<string> {
  const model = param.replace(/Id$/, "");
  const delegate = (db.prisma as unknown as Record<string, { findFirst?: (a: object) => Promise<{ id: string } | null> }>)[model];
  const row = delegate?.findFirst ? await delegate.findFirst({ select: { id: true }, orderBy: { id: "asc" } }) : null;
  return row?.id ?? "unknown";
}

function paramsOf(op: ApiOperation): string[] {
  return [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
}

function keysOf(schema: unknown): string[] {
  const shape = schema instanceof z.ZodObject ? schema.shape : null;
  return shape ? Object.keys(shape) : ["name", "id", "reason"];
}

async function handlerOf(op: ApiOperation): Promise<Handler> {
  const file = path.join(ROOT, "app/api/v1", op.path.replace(/\{(\w+)\}/g, "[$1]"), "route.ts");
  expect(existsSync(file), `${op.path} has a route file`).toBe(true);
  const mod = (await import(pathToFileURL(file).href)) as Record<string, Handler>;
  const handler = mod[op.method.toUpperCase()];
  expect(handler, `${op.method.toUpperCase()} ${op.path} is exported`).toBeTypeOf("function");
  return handler!;
}

const NUL = "a\u0000b";
const LONE = "\ud800x";

interface Attempt {
  label: string;
  params: Record<string, string>;
  query?: Record<string, string>;
  body?: string;
}

async function attempts(op: ApiOperation): Promise<Attempt[]> {
  const names = paramsOf(op);
  const real: Record<string, string> = {};
  for (const name of names) real[name] = await realId(name);
  const list: Attempt[] = [];
  for (const bad of [NUL, LONE, "%FF%FE"]) {
    if (names.length) list.push({ label: `path ${JSON.stringify(bad)}`, params: Object.fromEntries(names.map((n) => [n, bad])), body: "{}" });
  }
  const queryKeys = op.query ? keysOf(op.query) : ["page", "q"];
  // A lone surrogate cannot travel in a URL's query (URLSearchParams makes it U+FFFD): NUL can.
  for (const bad of [NUL]) list.push({ label: `query ${JSON.stringify(bad)}`, params: real, query: Object.fromEntries(queryKeys.map((k) => [k, bad])) });
  if (op.method !== "get") {
    const keys = keysOf(op.body);
    list.push({ label: "body NUL", params: real, body: JSON.stringify(Object.fromEntries(keys.map((k) => [k, NUL]))) });
    list.push({ label: "body lone surrogate", params: real, body: `{${keys.map((k) => `"${k}":"\\ud800"`).join(",")}}` });
    list.push({ label: "body key with NUL", params: real, body: `{"a\\u0000":1}` });
    list.push({ label: "body nested 5000 deep", params: real, body: `${'{"a":['.repeat(5000)}${"]}".repeat(5000)}` });
  }
  return list;
}

describe("hostile bytes to every documented operation", () => {
  const entries = Object.entries(operations) as [string, ApiOperation][];

  it("the registry has operations to try", () => {
    expect(entries.length).toBeGreaterThan(20);
  });

  it("each answers 4xx with a message, and the database is unchanged", async () => {
    const before = await snapshot();
    const failures: string[] = [];
    for (const [operationId, op] of entries) {
      const handler = await handlerOf(op);
      const role = (permissions as Record<string, readonly string[]>)[op.permission]?.[0] ?? "BUREAU_ADMIN";
      const token = tokenOfRole[role] ?? tokenOfRole.BUREAU_ADMIN!;
      for (const attempt of await attempts(op)) {
        const url = new URL(`http://localhost/api/v1${op.path.replace(/\{(\w+)\}/g, (_, n: string) => (attempt.params[n] && !findHostileValue(attempt.params[n]) ? encodeURIComponent(attempt.params[n]) : "x"))}`);
        for (const [k, v] of Object.entries(attempt.query ?? {})) url.searchParams.set(k, v);
        const method = op.method.toUpperCase();
        const request = new NextRequest(url, {
          method,
          // A versioned edit carries If-Match, so the hostile body reaches validation rather than stopping at 428.
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "accept-language": "en", ...(op.versioned === "ifMatch" ? { "if-match": '"1"' } : {}) },
          ...(method === "GET" ? {} : { body: attempt.body ?? "{}" }),
        });
        let status = 0;
        let message: unknown;
        try {
          const response = await handler(request, { params: Promise.resolve(attempt.params) });
          status = response.status;
          const text = await response.text();
          try {
            message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
          } catch {
            message = undefined;
          }
        } catch (error) {
          failures.push(`${operationId} ${attempt.label}: threw ${String(error).slice(0, 120)}`);
          continue;
        }
        if (status < 400 || status >= 500 || typeof message !== "string" || message.length === 0) {
          failures.push(`${operationId} ${attempt.label}: ${status} ${JSON.stringify(message)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
  }, 600_000);
});

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; valueType?: z.ZodType; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; options?: z.ZodType[]; left?: z.ZodType; right?: z.ZodType; getter?: () => z.ZodType };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const accepts = (schema: z.ZodType, value: unknown) => {
  try {
    return schema.safeParse(value).success;
  } catch {
    return false;
  }
};

/** The whole-number fields of a body schema, at any depth: a field that takes some whole number n but not n + 0.5. */
function integerFields(schema: z.ZodType, at: string, found: { path: string; schema: z.ZodType; n: number }[], seen = new Set<z.ZodType>()): typeof found {
  if (seen.has(schema)) return found;
  seen.add(schema);
  const def = defOf(schema);
  const field = (inner: z.ZodType, path: string) => {
    const n = [1, 2, 5, 12, 0, 100, 2026].find((c) => accepts(inner, c) && !accepts(inner, c + 0.5));
    if (n !== undefined) found.push({ path, schema: inner, n });
    integerFields(inner, path, found, seen);
  };
  const inner = (s: z.ZodType | undefined, path = at) => s && integerFields(s, path, found, seen);
  switch (def.type) {
    case "object":
      for (const [key, value] of Object.entries(def.shape ?? {})) field(value, `${at}.${key}`);
      break;
    case "record":
      if (def.valueType) field(def.valueType, `${at}.*`);
      break;
    case "array":
      inner(def.element, `${at}[]`);
      break;
    case "pipe":
      inner(def.in);
      inner(def.out);
      break;
    case "union":
      for (const option of def.options ?? []) inner(option);
      break;
    case "intersection":
      inner(def.left);
      inner(def.right);
      break;
    case "lazy":
      inner(def.getter?.());
      break;
    default:
      inner(def.innerType);
  }
  return found;
}

describe("numbers are numbers", () => {
  it("every whole-number field of every documented body refuses true and text", () => {
    const fields = (Object.entries(operations) as [string, ApiOperation][]).flatMap(([operationId, op]) => (op.body ? integerFields(op.body, operationId, []) : []));
    // headcount, year, serviceMonths, rotation batches, ratios, minimums, counts, weights, versions …
    expect(fields.length).toBeGreaterThan(30);
    expect(fields.map((f) => f.path)).toEqual(expect.arrayContaining(["createPost.headcount", "createProgram.year", "updateTimeline.stages[].ratio", "fileWorkLog.teaching.*"]));
    const lax = fields.flatMap((f) => [
      ...(accepts(f.schema, true) ? [`${f.path}: true`] : []),
      ...(accepts(f.schema, String(f.n)) ? [`${f.path}: "${f.n}"`] : []),
    ]);
    expect(lax).toEqual([]);
  });

  it("a post with headcount true or \"1\" is refused at the field, and nothing is stored", async () => {
    const program = await db.prisma.program.findFirstOrThrow({ where: { status: "DRAFT" }, orderBy: { id: "asc" } });
    const post = await db.prisma.post.findFirstOrThrow({ where: { programId: program.id } });
    const { POST } = (await import("@/app/api/v1/programs/[programId]/posts/route")) as unknown as Record<string, Handler>;
    const before = await snapshot();
    for (const headcount of [true, "1"]) {
      const body = { receivingOrgId: post.receivingOrgId, title: "布尔岗位", specialty: "内科", headcount, rotationBatch: 1 };
      const request = new NextRequest(`http://localhost/api/v1/programs/${program.id}/posts`, {
        method: "POST",
        headers: { authorization: `Bearer ${tokenOfRole.BUREAU_ADMIN}`, "content-type": "application/json", "accept-language": "en" },
        body: JSON.stringify(body),
      });
      const response = await POST!(request, { params: Promise.resolve({ programId: program.id }) });
      expect(response.status).toBe(422);
      const error = ((await response.json()) as { error: { fieldErrors?: Record<string, string[]> } }).error;
      expect(Object.keys(error.fieldErrors ?? {})).toEqual(["headcount"]);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe("the edge's checks", () => {
  it("finds NUL and lone surrogates in values and keys, at any depth, and lets clean text through", () => {
    expect(findHostileValue({ a: [{ b: "ok" }, { c: "x\u0000" }] })).toBe("a.1.c");
    expect(findHostileValue({ "k\ud800": 1 })).toBe("_form");
    expect(findHostileValue("\udc00")).toBe("_form");
    expect(findHostileValue({ name: "张三 😀 \ud83d\ude00" })).toBeNull();
    expect(findHostileValue({ n: 1, b: true, z: null })).toBeNull();
  });

  it("bounds nesting before parsing, ignoring brackets inside strings", () => {
    expect(jsonDepthExceeds("[".repeat(65) + "]".repeat(65))).toBe(true);
    expect(jsonDepthExceeds("[".repeat(64) + "]".repeat(64))).toBe(false);
    expect(jsonDepthExceeds(JSON.stringify({ s: "[".repeat(1000) }))).toBe(false);
    expect(findHostileValue(JSON.parse("[".repeat(100) + "]".repeat(100)))).not.toBeNull();
  });
});
