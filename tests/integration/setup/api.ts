import { NextRequest } from "next/server";
import type { Scope } from "@/lib/auth/policy";
import { buildScope } from "@/lib/server/organization-tree";
import { seedDemoData } from "@/prisma/seed";
import { createTestDatabase, type TestDatabase } from "./db";

// Calling /api/v1 route handlers in a test as a bearer-token caller would: the request through the
// real handler (apiRoute: token, policy, schema, use case), the answer's status and JSON body.

/* eslint-disable @typescript-eslint/no-explicit-any -- route params and answers are whatever the route says */
export type Handler = (request: NextRequest, context: { params: Promise<any> }) => Promise<Response>;
export type Json = Record<string, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */
export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type RouteModule = Partial<Record<Method, Handler>>;

export interface CallOptions {
  /** The path after /api/v1 (query included); by default "/" + the route's file key. */
  url?: string;
  body?: unknown;
  /** A body sent as is (malformed JSON, say). */
  rawBody?: string;
  params?: Record<string, string>;
}

/**
 * `call(file, method, user, options)`: the route module `routes[file]` (imported lazily, after the
 * test database is the app's) called with `tokens[user]` as the bearer token.
 */
export function apiCaller(routes: Record<string, () => Promise<RouteModule>>, tokens: Record<string, string>) {
  return async function call(file: string, method: Method, user: string, options: CallOptions = {}): Promise<{ status: number; json: Json }> {
    const handler = (await routes[file]!())[method]!;
    const headers = { "content-type": "application/json", authorization: `Bearer ${tokens[user]}` };
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const request = new NextRequest(`http://localhost/api/v1${options.url ?? "/" + file}`, { method, headers, body });
    const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
    return { status: response.status, json: JSON.parse(await response.text()) as Json };
  };
}

/**
 * The API tests' database: a fresh one, made the app's (lib/db.ts reads globalThis.prisma, so the
 * route modules imported later use it), with the demo seed, and `scopes` filled for `usernames`.
 */
export async function apiTestDatabase(usernames: readonly string[], scopes: Record<string, Scope>): Promise<TestDatabase> {
  const db = await createTestDatabase();
  (globalThis as { prisma?: unknown }).prisma = db.prisma;
  await seedDemoData(db.prisma);
  for (const username of usernames) {
    const user = await db.prisma.user.findUniqueOrThrow({ where: { username } });
    scopes[username] = await buildScope(db.prisma, user);
  }
  return db;
}
