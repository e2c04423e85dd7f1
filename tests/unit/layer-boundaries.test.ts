import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The layers of docs/architecture.md are enforced by eslint.config.mjs (no-restricted-imports). This
// lints deliberate violations, as if they were files of the tree, and asserts each is reported; and
// what the layers allow (type-only imports, the domain's own imports) is not.

const eslint = new ESLint({ cwd: process.cwd() });
const RULE = "@typescript-eslint/no-restricted-imports";

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe("layer boundaries are enforced by lint", { timeout: 60_000 }, () => {
  it.each([
    ["lib/domain/x.ts", 'import { PrismaClient } from "../generated/prisma/client";\nexport const x = PrismaClient;\n', /never imports Prisma/],
    ["lib/domain/x.ts", 'import { Prisma } from "@prisma/client";\nexport const x = Prisma;\n', /never imports Prisma/],
    ["lib/domain/x.ts", 'import { Role } from "../generated/prisma/enums";\nexport const x = Role;\n', /enums as types only/],
    ["lib/domain/x.ts", 'import { runTx } from "../server/kit";\nexport const x = runTx;\n', /never imports the server layer/],
    ["lib/domain/x.ts", 'import { prisma } from "../db";\nexport const x = prisma;\n', /never imports the server layer/],
    ["lib/domain/x.ts", 'import { useState } from "react";\nexport const x = useState;\n', /never imports React or Next/],
    ["lib/domain/x.ts", 'import { notFound } from "next/navigation";\nexport const x = notFound;\n', /never imports React or Next/],
    ["lib/schemas/x.ts", 'import { parse } from "../server/kit";\nexport const x = parse;\n', /never imports lib\/server/],
    ["lib/schemas/x.ts", 'import type { Tx } from "../server/kit";\nexport type X = Tx;\n', /never imports lib\/server/],
    ["components/x/y.tsx", 'import { listDoctors } from "@/lib/server/doctors";\nexport const x = listDoctors;\n', /never import lib\/server at run time/],
    ["components/x/y.tsx", 'import { prisma } from "@/lib/db";\nexport const x = prisma;\n', /never import lib\/server at run time/],
  ])("%s: %s is refused", async (filePath, code, message) => {
    const messages = await restricted(filePath, code);
    expect(messages.length).toBe(1);
    expect(messages[0]).toMatch(message);
  });

  it.each([
    ["lib/domain/x.ts", 'import type { Role } from "../generated/prisma/enums";\nexport type X = Role;\n'],
    ["lib/domain/x.ts", 'import { formatYuan } from "./money";\nexport const x = formatYuan;\n'],
    ["lib/schemas/x.ts", 'import { z } from "zod";\nexport const x = z.string();\n'],
    ["components/x/y.tsx", 'import type { DoctorRow } from "@/lib/server/doctors";\nexport type X = DoctorRow;\n'],
    ["components/x/y.tsx", 'import { needsExceptionReason } from "@/lib/domain/nomination-rules";\nexport const x = needsExceptionReason;\n'],
    ["app/x/page.tsx", 'import { listDoctors } from "@/lib/server/doctors";\nexport const x = listDoctors;\n'],
  ])("%s: %s is allowed", async (filePath, code) => {
    expect(await restricted(filePath, code)).toEqual([]);
  });
});

describe("pages, routes and components ask the policy instead of comparing the reader's role", { timeout: 60_000 }, () => {
  async function syntax(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-syntax").map((m) => m.message);
  }

  it.each([
    ["app/x/page.tsx", 'declare const scope: { user: { role: string } };\nexport const x = scope.user.role === "DOCTOR";\n'],
    ["app/api/v1/x/route.ts", 'declare const scope: { user: { role: string } };\nexport const x = "DOCTOR" !== scope.user.role;\n'],
    ["components/x/y.tsx", 'declare const session: { user: { role: string } };\nexport function f() {\n  switch (session.user.role) {\n    default:\n      return 1;\n  }\n}\n'],
  ])("%s: %s is refused", async (filePath, code) => {
    const messages = await syntax(filePath, code);
    expect(messages.length).toBe(1);
    expect(messages[0]).toMatch(/ask lib\/auth\/policy\.ts/);
  });

  it.each([
    ["app/x/page.tsx", 'import { serviceDesk, type Scope } from "@/lib/auth/policy";\ndeclare const scope: Scope;\nexport const x = serviceDesk(scope) === "own";\n'],
    // A record's role (the account being edited, a decision's author) is data, not the reader's.
    ["app/x/page.tsx", 'declare const user: { role: string };\nexport const x = user.role === "DOCTOR";\n'],
    ["components/x/y.tsx", 'declare const d: { decidedBy: { role: string } };\nexport const x = d.decidedBy.role === "HOSPITAL_NOMINATOR";\n'],
    ["lib/server/x.ts", 'declare const scope: { user: { role: string } };\nexport const x = scope.user.role === "DOCTOR";\n'],
  ])("%s: %s is allowed", async (filePath, code) => {
    expect(await syntax(filePath, code)).toEqual([]);
  });
});
