// (c) of the screening benchmark without a server: the route handler of GET /api/v1/posts/{id}/screening
// called in-process with the admin's bearer token (as tests/integration/api-v1.test.ts does), so the
// figure adds what the route puts on top of screenPost (token check, scope, JSON of the answer).
// Floor: screenPost called directly, measured in (b) of the same run. The route and the token use case
// are loaded by path at run time: if they are not in this tree, the measurement says so and is skipped.
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { NextRequest } from "next/server";
import type { Scope } from "@/lib/auth/policy";
import type { PrismaClient } from "@/lib/prisma";
import { ms, ratio, table, time } from "./measure";

type Handler = (request: NextRequest, context: { params: Promise<{ postId: string }> }) => Promise<Response>;
interface TokenUseCases {
  issueApiToken: (db: PrismaClient, scope: Scope, raw: unknown) => Promise<{ id: string; token: string }>;
  revokeApiToken: (db: PrismaClient, scope: Scope, raw: unknown) => Promise<unknown>;
}

const ROUTE = fileURLToPath(new URL("../../app/api/v1/posts/[postId]/screening/route.ts", import.meta.url));
const TOKENS = fileURLToPath(new URL("../../lib/server/api-tokens.ts", import.meta.url));

export async function benchRouteInProcess(
  prisma: PrismaClient,
  scope: Scope,
  posts: { id: string; title: string }[],
  floors: Map<string, number>,
  runs: number,
): Promise<void> {
  if (!existsSync(ROUTE) || !existsSync(TOKENS)) {
    console.log("(c) API in-process: skipped, app/api/v1/posts/[postId]/screening/route.ts or lib/server/api-tokens.ts is not in this tree.\n");
    return;
  }
  // lib/db.ts takes the client on globalThis: the route then queries the benchmark's database.
  (globalThis as { prisma?: PrismaClient }).prisma = prisma;
  let GET: Handler, tokens: TokenUseCases;
  try {
    ({ GET } = (await import(pathToFileURL(ROUTE).href)) as { GET: Handler });
    tokens = (await import(pathToFileURL(TOKENS).href)) as TokenUseCases;
  } catch (error) {
    // Plain Node is stricter than Next's bundler and vitest about default imports of CommonJS packages
    // (next-auth's providers): the route may not load outside them.
    console.log(`(c) API in-process: skipped, the route does not load in plain Node (${error instanceof Error ? error.message : String(error)}).\n`);
    return;
  }
  const { issueApiToken, revokeApiToken } = tokens;
  const { id, token } = await issueApiToken(prisma, scope, { userId: scope.user.id, name: "bench" });
  try {
    const rows: string[][] = [];
    let total = 0, floorTotal = 0;
    for (const post of posts) {
      let bytes = 0;
      const t = await time(async () => {
        const request = new NextRequest(`http://localhost/api/v1/posts/${post.id}/screening?page=1`, { headers: { authorization: `Bearer ${token}` } });
        const response = await GET(request, { params: Promise.resolve({ postId: post.id }) });
        const text = await response.text();
        if (response.status !== 200) throw new Error(`screening route answered ${response.status}: ${text.slice(0, 200)}`);
        bytes = text.length;
      }, { runs });
      const floor = floors.get(post.id)!;
      total += t.p50;
      floorTotal += floor;
      rows.push([post.title, ms(t.p50), ms(t.p95), `${(bytes / 1024).toFixed(0)} KiB`, ms(floor), ratio(t.p50, floor)]);
    }
    rows.push(["total", ms(total), "", "", ms(floorTotal), ratio(total, floorTotal)]);
    console.log("(c) API in-process: the route handler of GET /api/v1/posts/{id}/screening with a bearer token");
    console.log(table(["post", "p50", "p95", "answer", "floor: screenPost direct (b)", "ratio"], rows) + "\n");
  } finally {
    await revokeApiToken(prisma, scope, { id });
  }
}
