import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { permissions } from "@/lib/auth/policy";

// Every audit action the code writes has a human label in both catalogues (audit.actions.<family>.<name>),
// so the audit page never shows a raw code for something the product itself does.
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const full = path.join(dir, e);
    return statSync(full).isDirectory() ? walk(full) : full.endsWith(".ts") ? [full] : [];
  });
}

const sources = [...walk(path.join(process.cwd(), "lib/server")), path.join(process.cwd(), "prisma/seed.ts")].filter((f) =>
  /\baudit(Log)?\b/.test(readFileSync(f, "utf8")),
);
const permissionNames = new Set(Object.keys(permissions));
const written = new Set(
  sources.flatMap((f) => [...readFileSync(f, "utf8").matchAll(/"((?:auth|user|organization|seed|program|post|doctor|application|rule|api_token|stage|attachment|notification|dispatch|notice|handover|evaluation|leave|attendance|workLog|mentoring|allowance|workforce)\.[a-z_]+)"/g)].map((m) => m[1]!)),
);
const actions = [...written].filter((a) => !permissionNames.has(a)).sort();

describe("audit action labels", () => {
  it("finds the actions the code writes", () => {
    expect(actions).toEqual(expect.arrayContaining(["auth.login", "auth.lockout", "user.create", "organization.create", "seed.demo"]));
  });
  it.each(["zh-CN", "en"])("%s labels every action", (locale) => {
    const catalogue = JSON.parse(readFileSync(path.join(process.cwd(), "messages", locale, "audit.json"), "utf8")) as {
      audit: { actions: Record<string, Record<string, string>> };
    };
    const missing = actions.filter((a) => {
      const [family, name] = a.split(".") as [string, string];
      return !catalogue.audit.actions[family]?.[name];
    });
    expect(missing).toEqual([]);
  });
});
