import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { locales } from "@/lib/i18n/config";

// Every UI string exists in every locale: a key added in Chinese only fails here.
function flatten(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object") return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}

function catalogue(locale: string): Record<string, string[]> {
  const dir = path.join(process.cwd(), "messages", locale);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => [f, flatten(JSON.parse(readFileSync(path.join(dir, f), "utf8"))).sort()]),
  );
}

describe("message catalogues", () => {
  const [first, ...others] = locales;
  it.each(others)(`%s has exactly the files and keys of ${first}`, (locale) => {
    expect(catalogue(locale)).toEqual(catalogue(first));
  });
  it("has no empty strings", () => {
    for (const locale of locales) {
      const dir = path.join(process.cwd(), "messages", locale);
      for (const file of readdirSync(dir)) {
        const text = readFileSync(path.join(dir, file), "utf8");
        expect(text, `${locale}/${file}`).not.toMatch(/:\s*""/);
      }
    }
  });
});
