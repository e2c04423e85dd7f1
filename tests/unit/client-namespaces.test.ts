import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES } from "@/lib/i18n/client-namespaces";
import { clientNamespacesOf, ROOT, sourceFiles } from "../support/client-namespaces";

// The browser gets, per route folder, only the message namespaces its client components use
// (lib/i18n/client-namespaces.ts). These checks keep the pick lists true as components change.

const folders = Object.keys(CLIENT_NAMESPACES) as (keyof typeof CLIENT_NAMESPACES)[];
const routeFiles = sourceFiles("app").filter((f) => /\/(page|layout|error|not-found|forbidden|unauthorized|template|loading|default)\.tsx$/.test(f));

/** The folder whose list serves a route file: the deepest listed folder containing it. */
function folderOf(file: string): keyof typeof CLIENT_NAMESPACES {
  const dir = path.dirname(file);
  return folders.filter((f) => dir === f || dir.startsWith(`${f}/`)).sort((a, b) => b.length - a.length)[0]!;
}

const scans = routeFiles.map((file) => ({ file, folder: folderOf(file), ...clientNamespacesOf(file) }));

describe("client message namespaces", () => {
  it("reads the namespaces a page's client components use", () => {
    // The reopening form translates "vetting"; the sign-in page's form "auth". If the scanner stopped
    // finding these, every check below would pass.
    expect([...clientNamespacesOf("app/(app)/programs/[programId]/vetting/reopen/page.tsx").namespaces]).toContain("vetting");
    expect([...clientNamespacesOf("app/(auth)/login/page.tsx").namespaces]).toContain("auth");
    expect(routeFiles.length).toBeGreaterThan(50);
  });

  it("gives every route file's client components every namespace they use", () => {
    const missing = scans.flatMap(({ file, folder, namespaces }) =>
      [...namespaces].filter((ns) => !(CLIENT_NAMESPACES[folder] as readonly string[]).includes(ns)).map((ns) => `${file}: "${ns}" is not in CLIENT_NAMESPACES["${folder}"]`),
    );
    expect(missing).toEqual([]);
  });

  it("lists no namespace that no client component under the folder uses", () => {
    const unused = folders.flatMap((folder) =>
      CLIENT_NAMESPACES[folder].filter((ns) => !scans.some((s) => s.folder === folder && s.namespaces.has(ns))).map((ns) => `CLIENT_NAMESPACES["${folder}"]: "${ns}"`),
    );
    expect(unused).toEqual([]);
  });

  it("names only namespaces the catalogue has", () => {
    const dir = path.join(ROOT, "messages", "zh-CN");
    const catalogue = new Set(readdirSync(dir).filter((f) => f.endsWith(".json")).flatMap((f) => Object.keys(JSON.parse(readFileSync(path.join(dir, f), "utf8")) as object)));
    expect(folders.flatMap((f) => CLIENT_NAMESPACES[f].filter((ns) => !catalogue.has(ns)))).toEqual([]);
  });

  it("passes each list in its folder's layout (or its page, serving that page alone), and the catalogue nowhere else", () => {
    const read = (file: string) => (existsSync(path.join(ROOT, file)) ? readFileSync(path.join(ROOT, file), "utf8") : "");
    for (const folder of folders) {
      // The folder first; a page may add `without` (the namespaces it does not render a component for).
      const tag = `<ClientMessages folder="${folder}"`;
      const passes = (text: string) => text.includes(`${tag}>`) || text.includes(`${tag} without=`);
      if (passes(read(`${folder}/layout.tsx`))) continue;
      expect(passes(read(`${folder}/page.tsx`)), `${folder}: neither layout.tsx nor page.tsx passes the list`).toBe(true);
      expect(scans.filter((s) => s.folder === folder).map((s) => s.file)).toEqual([`${folder}/page.tsx`]);
    }
    const providers = [...sourceFiles("app"), ...sourceFiles("components")].filter((f) => readFileSync(path.join(ROOT, f), "utf8").includes("<NextIntlClientProvider"));
    expect(providers).toEqual(["components/shell/client-messages.tsx"]);
  });

  it("never nests two lists' layouts: an outer one would send its namespaces to every page of the inner one too", () => {
    const layouts = folders.filter((f) => f !== "app" && existsSync(path.join(ROOT, f, "layout.tsx")));
    expect(layouts.flatMap((outer) => layouts.filter((inner) => inner.startsWith(`${outer}/`)).map((inner) => `${outer} wraps ${inner}`))).toEqual([]);
  });

  it("reads every namespace: a client module with a variable namespace is one whose callers name it", () => {
    // useFeedback(namespace) and useActionForm({ namespace }) are read at their call sites.
    const dynamic = new Set(scans.flatMap((s) => [...s.dynamic]));
    expect([...dynamic]).toEqual(["lib/forms/feedback.ts"]);
  });
});

