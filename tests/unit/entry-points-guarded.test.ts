import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkPage, checkRouteHandlers, checkServerActions } from "../support/entry-points";

const appDir = path.join(process.cwd(), "app");

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const files = walk(appDir).filter((f) => /\.(ts|tsx)$/.test(f));
const rel = (f: string) => path.relative(process.cwd(), f);
// next-auth's own endpoints authenticate; they cannot require a session.
const PUBLIC_ROUTES = new Set(["app/api/auth/[...nextauth]/route.ts"]);

describe("every entry point is guarded by the policy", () => {
  it("finds the entry points it checks", () => {
    expect(files.some((f) => readFileSync(f, "utf8").startsWith('"use server"'))).toBe(true);
    expect(files.some((f) => f.endsWith("route.ts"))).toBe(true);
  });

  it("server actions are built from authedAction with a permission", () => {
    const findings = files.flatMap((f) => checkServerActions(rel(f), readFileSync(f, "utf8")));
    expect(findings).toEqual([]);
  });

  it("route handlers are wrapped in apiRoute", () => {
    const routes = files.filter((f) => f.endsWith("route.ts") && !PUBLIC_ROUTES.has(rel(f)));
    expect(routes.flatMap((f) => checkRouteHandlers(rel(f), readFileSync(f, "utf8")))).toEqual([]);
  });

  it("signed-in pages check the user themselves, not only in the layout", () => {
    const pages = files.filter((f) => rel(f).startsWith("app/(app)/") && f.endsWith("page.tsx"));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.flatMap((f) => checkPage(rel(f), readFileSync(f, "utf8")))).toEqual([]);
  });
});

describe("the checker catches unguarded entry points", () => {
  it("flags a plain exported server function", () => {
    const src = `"use server";\nexport async function deleteEverything() {}`;
    expect(checkServerActions("x.ts", src)).toHaveLength(1);
  });
  it("flags an action without a permission, or from another client", () => {
    const noPermission = `"use server";\nexport const a = authedAction.metadata({ actionName: "a" }).action(async () => 1);`;
    const otherClient = `"use server";\nexport const b = actionClient.metadata({ actionName: "b", permission: "audit.read" }).action(async () => 1);`;
    expect(checkServerActions("x.ts", noPermission)[0]?.problem).toMatch(/permission/);
    expect(checkServerActions("x.ts", otherClient)[0]?.problem).toMatch(/authedAction/);
  });
  it("accepts a guarded action", () => {
    const ok = `"use server";\nexport const c = authedAction.metadata({ actionName: "c", permission: "audit.read" }).inputSchema(s).action(async () => 1);`;
    expect(checkServerActions("x.ts", ok)).toEqual([]);
  });
  it("flags route handlers that are not wrapped", () => {
    expect(checkRouteHandlers("r.ts", `export async function GET() { return new Response("x"); }`)).toHaveLength(1);
    expect(checkRouteHandlers("r.ts", `export const POST = async () => new Response("x");`)).toHaveLength(1);
    expect(checkRouteHandlers("r.ts", `export const GET = apiRoute({ permission: "audit.read" }, async () => new Response("x"));`)).toEqual([]);
  });
  it("flags a page without its own check", () => {
    expect(checkPage("p.tsx", "export default function P() { return null; }")).toHaveLength(1);
  });
});
