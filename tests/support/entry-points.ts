// Static check that every entry point into the server is guarded: server actions live in
// lib/actions/<area>.ts and are built from `authedAction` with a permission in their metadata, route
// handlers are wrapped in `apiRoute`, and signed-in pages call requireUser/requirePermission.
// Used by tests/unit/entry-points-guarded.test.ts.
import path from "node:path";
import ts from "typescript";

export interface Finding {
  file: string;
  name: string;
  problem: string;
}

const HTTP_METHODS = new Set(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]);

function hasUseServerDirective(source: ts.SourceFile): boolean {
  const first = source.statements[0];
  return !!first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use server";
}

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function rootIdentifier(expression: ts.Expression): string | null {
  let e: ts.Expression = expression;
  while (true) {
    if (ts.isCallExpression(e)) e = e.expression;
    else if (ts.isPropertyAccessExpression(e)) e = e.expression;
    else if (ts.isAwaitExpression(e) || ts.isParenthesizedExpression(e)) e = e.expression;
    else break;
  }
  return ts.isIdentifier(e) ? e.text : null;
}

/** Where server actions live: only lib/actions/<area>.ts, each a "use server" module. */
export const ACTIONS_DIR = "lib/actions/";

/** True where a string-literal statement "use server" opens a function body (an inline server action). */
function inlineUseServer(source: ts.SourceFile): string[] {
  const names: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isBlock(node) && node.parent && ts.isFunctionLike(node.parent)) {
      const first = node.statements[0];
      if (first && ts.isExpressionStatement(first) && ts.isStringLiteral(first.expression) && first.expression.text === "use server") {
        const fn = node.parent as ts.SignatureDeclaration;
        names.push(fn.name && ts.isIdentifier(fn.name) ? fn.name.text : "anonymous function");
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/**
 * Server actions are found in one place: a "use server" module anywhere but lib/actions/, an inline
 * "use server" function anywhere, or a module in lib/actions/ that is not "use server" is a finding
 * (each would hold actions this check does not see, or hide non-actions among them).
 */
export function checkActionPlacement(file: string, text: string): Finding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const findings: Finding[] = [];
  const inActionsDir = file.split(path.sep).join("/").startsWith(ACTIONS_DIR);
  const isServerModule = hasUseServerDirective(source);
  if (isServerModule && !inActionsDir) findings.push({ file, name: "module", problem: `"use server" module outside ${ACTIONS_DIR}` });
  if (!isServerModule && inActionsDir) findings.push({ file, name: "module", problem: `module in ${ACTIONS_DIR} without "use server"` });
  for (const name of inlineUseServer(source)) findings.push({ file, name, problem: `inline "use server" function: define it in ${ACTIONS_DIR}` });
  return findings;
}

export function checkServerActions(file: string, text: string): Finding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  if (!hasUseServerDirective(source)) return [];
  const findings: Finding[] = [];
  for (const statement of source.statements) {
    if (!isExported(statement)) continue;
    if (ts.isFunctionDeclaration(statement)) {
      findings.push({ file, name: statement.name?.text ?? "default", problem: "exported function: define actions with authedAction" });
      continue;
    }
    if (!ts.isVariableStatement(statement)) continue;
    for (const decl of statement.declarationList.declarations) {
      const name = decl.name.getText(source);
      const init = decl.initializer;
      if (!init || rootIdentifier(init) !== "authedAction") {
        findings.push({ file, name, problem: "not built from authedAction" });
        continue;
      }
      const chain = init.getText(source);
      if (!/\.metadata\(\s*\{[^}]*permission\s*:/.test(chain)) findings.push({ file, name, problem: "no permission in .metadata()" });
    }
  }
  return findings;
}

export function checkRouteHandlers(file: string, text: string): Finding[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const findings: Finding[] = [];
  for (const statement of source.statements) {
    if (!isExported(statement)) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name && HTTP_METHODS.has(statement.name.text)) {
      findings.push({ file, name: statement.name.text, problem: "plain function handler: wrap it in apiRoute" });
    }
    if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        const name = decl.name.getText(source);
        if (!HTTP_METHODS.has(name)) continue;
        const root = decl.initializer ? rootIdentifier(decl.initializer) : null;
        // raterLinkRoute: the token-bound entry of a rater without an account, only under /api/v1/rate/.
        const ok = root === "apiRoute" || (root === "raterLinkRoute" && file.includes("app/api/v1/rate/"));
        if (!ok) findings.push({ file, name, problem: "not wrapped in apiRoute" });
      }
    }
  }
  return findings;
}

export function checkPage(file: string, text: string): Finding[] {
  return /\brequire(User|Permission)\(/.test(text) ? [] : [{ file, name: "page", problem: "page does not call requireUser/requirePermission" }];
}
