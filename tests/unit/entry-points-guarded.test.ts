import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTIONS_DIR, checkActionPlacement, checkPage, checkRouteHandlers, checkServerActions } from "../support/entry-points";

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (entry === "generated" || entry === "node_modules") return [];
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const rel = (f: string) => path.relative(process.cwd(), f).split(path.sep).join("/");
const sourceFiles = (dir: string) => walk(path.join(process.cwd(), dir)).filter((f) => /\.(ts|tsx)$/.test(f));
// Routes (pages, layouts, route handlers) live in app/; server actions in lib/actions/. Every file the
// app is built from is scanned for a server action defined anywhere else.
const appFiles = sourceFiles("app");
const actionFiles = sourceFiles(ACTIONS_DIR);
const everyFile = [...appFiles, ...sourceFiles("lib"), ...sourceFiles("components")];
// next-auth's own endpoints authenticate; they cannot require a session.
const PUBLIC_ROUTES = new Set(["app/api/auth/[...nextauth]/route.ts"]);

describe("every entry point is guarded by the policy", () => {
  it("finds the entry points it checks", () => {
    expect(actionFiles.length).toBeGreaterThan(0);
    expect(actionFiles.every((f) => readFileSync(f, "utf8").startsWith('"use server"'))).toBe(true);
    expect(appFiles.some((f) => f.endsWith("route.ts"))).toBe(true);
  });

  // Parses every source file, the generated Prisma client included: seconds on a busy machine.
  it("server actions live in lib/actions/ and nowhere else", { timeout: 30_000 }, () => {
    expect(everyFile.flatMap((f) => checkActionPlacement(rel(f), readFileSync(f, "utf8")))).toEqual([]);
  });

  it("server actions are built from authedAction with a permission", () => {
    const findings = actionFiles.flatMap((f) => checkServerActions(rel(f), readFileSync(f, "utf8")));
    expect(findings).toEqual([]);
  });

  it("route handlers are wrapped in apiRoute", () => {
    const routes = appFiles.filter((f) => f.endsWith("route.ts") && !PUBLIC_ROUTES.has(rel(f)));
    expect(routes.flatMap((f) => checkRouteHandlers(rel(f), readFileSync(f, "utf8")))).toEqual([]);
  });

  it("signed-in pages check the user themselves, not only in the layout", () => {
    const pages = appFiles.filter((f) => rel(f).startsWith("app/(app)/") && f.endsWith("page.tsx"));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages.flatMap((f) => checkPage(rel(f), readFileSync(f, "utf8")))).toEqual([]);
  });
});

describe("the checker catches unguarded entry points", () => {
  it("flags a plain exported server function", () => {
    const src = `"use server";\nexport async function deleteEverything() {}`;
    expect(checkServerActions("lib/actions/x.ts", src)).toHaveLength(1);
  });
  it("flags an action without a permission, or from another client", () => {
    const noPermission = `"use server";\nexport const a = authedAction.metadata({ actionName: "a" }).action(async () => 1);`;
    const otherClient = `"use server";\nexport const b = actionClient.metadata({ actionName: "b", permission: "audit.read" }).action(async () => 1);`;
    expect(checkServerActions("lib/actions/x.ts", noPermission)[0]?.problem).toMatch(/permission/);
    expect(checkServerActions("lib/actions/x.ts", otherClient)[0]?.problem).toMatch(/authedAction/);
  });
  it("accepts a guarded action", () => {
    const ok = `"use server";\nexport const c = authedAction.metadata({ actionName: "c", permission: "audit.read" }).inputSchema(s).action(async () => 1);`;
    expect(checkServerActions("lib/actions/x.ts", ok)).toEqual([]);
    expect(checkActionPlacement("lib/actions/x.ts", ok)).toEqual([]);
  });
  it("flags server actions outside lib/actions/, inline ones, and a lib/actions/ module that is not one", () => {
    const ok = `"use server";\nexport const c = authedAction.metadata({ actionName: "c", permission: "audit.read" }).action(async () => 1);`;
    expect(checkActionPlacement("app/(app)/programs/actions.ts", ok)[0]?.problem).toMatch(/outside lib\/actions/);
    const inline = `export default function Page() {\n  async function save() {\n    "use server";\n  }\n  return save;\n}`;
    expect(checkActionPlacement("app/(app)/x/page.tsx", inline)).toEqual([{ file: "app/(app)/x/page.tsx", name: "save", problem: expect.stringMatching(/inline/) }]);
    const arrow = `const f = async () => {\n  "use server";\n};`;
    expect(checkActionPlacement("components/x.tsx", arrow)).toHaveLength(1);
    expect(checkActionPlacement("lib/actions/helpers.ts", `export const x = 1;`)[0]?.problem).toMatch(/without "use server"/);
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
