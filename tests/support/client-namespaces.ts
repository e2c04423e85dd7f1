// Which message namespaces the browser needs, per route file: from a page or layout (a server module)
// the imports are followed, and every module at or below a client component ("use client") is read
// for the catalogue namespaces it asks for. Used by tests/unit/client-namespaces.test.ts to check
// the pick lists of lib/i18n/client-namespaces.ts.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");

/** Every .ts/.tsx file under dir (relative to the repository), generated code excluded. */
export function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir)).flatMap((name) => {
    const rel = path.join(dir, name);
    if (name === "generated" || name === "node_modules") return [];
    if (statSync(path.join(ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [rel] : [];
  });
}

const directive = (name: string) => new RegExp(`^\\s*(?:(?://[^\\n]*|/\\*[\\s\\S]*?\\*/)\\s*)*["']use ${name}["']`);
const USE_CLIENT = directive("client");
const USE_SERVER = directive("server");

function resolveImport(from: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("@/")) base = spec.slice(2);
  else if (spec.startsWith(".")) base = path.join(path.dirname(from), spec);
  else return null;
  for (const candidate of [base, `${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx"), path.join(base, "index.ts")]) {
    const full = path.join(ROOT, candidate);
    if (existsSync(full) && statSync(full).isFile()) return path.normalize(candidate);
  }
  return null;
}

const firstSegment = (key: string) => key.split(/[.$]/)[0]!;
const cache = new Map<string, string>();
const read = (file: string) => cache.get(file) ?? cache.set(file, readFileSync(path.join(ROOT, file), "utf8")).get(file)!;

/** The source without its comments (which quote usage examples). */
const withoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[\s;{}])\/\/[^\n]*/g, "$1");

/** The namespaces one module asks for itself (when it runs in the browser). */
function namespacesIn(source: string): string[] {
  const text = withoutComments(source);
  const found: string[] = [];
  // useTranslations("area.sub"), useFeedback("area"), useActionForm({ namespace: "area" }).
  for (const m of text.matchAll(/(?:useTranslations|useFeedback)\(\s*["'`]([^"'`]+)["'`]/g)) found.push(firstSegment(m[1]!));
  for (const m of text.matchAll(/\bnamespace:\s*["'`]([^"'`]+)["'`]/g)) found.push(firstSegment(m[1]!));
  // const t = useTranslations(): every t("area.key") names its namespace first.
  for (const m of text.matchAll(/\b(\w+)\s*=\s*useTranslations\(\s*\)/g)) {
    for (const call of text.matchAll(new RegExp(`\\b${m[1]}(?:\\.(?:rich|has|markup|raw))?\\(\\s*["'\`]([^"'\`]+)["'\`]`, "g"))) found.push(firstSegment(call[1]!));
  }
  return found;
}

export interface ClientNamespaces {
  namespaces: Set<string>;
  /** Browser-side modules that call useTranslations with a variable (their callers name the namespace). */
  dynamic: Set<string>;
}

/** The namespaces the client components reachable from `entry` (a route file) use. */
export function clientNamespacesOf(entry: string): ClientNamespaces {
  const namespaces = new Set<string>();
  const dynamic = new Set<string>();
  const seen = new Set<string>();
  const queue: [string, boolean][] = [[entry, false]];
  while (queue.length > 0) {
    const [file, parentInBrowser] = queue.pop()!;
    const text = read(file);
    // A "use server" module reaches the browser as references to its actions, never its code.
    if (USE_SERVER.test(text)) continue;
    const inBrowser = parentInBrowser || USE_CLIENT.test(text);
    const key = `${inBrowser} ${file}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (inBrowser) {
      for (const ns of namespacesIn(text)) namespaces.add(ns);
      if (/useTranslations\(\s*(?![\s"'`)])/.test(withoutComments(text))) dynamic.add(file);
    }
    // Type-only imports bring no code.
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s+(?!type\s)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/g)) {
      const target = resolveImport(file, m[1]!);
      if (target) queue.push([target, inBrowser]);
    }
  }
  return { namespaces, dynamic };
}
