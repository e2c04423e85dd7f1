import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// JSON.parse silently keeps the last of two equal keys; a catalogue must never rely on that.
function duplicateKeys(text: string): string[] {
  const found: string[] = [];
  const stack: Set<string>[] = [];
  const token = /"((?:[^"\\]|\\.)*)"\s*:|[{}]/g;
  for (const m of text.matchAll(token)) {
    if (m[0] === "{") stack.push(new Set());
    else if (m[0] === "}") stack.pop();
    else {
      const keys = stack.at(-1)!;
      if (keys.has(m[1]!)) found.push(m[1]!);
      keys.add(m[1]!);
    }
  }
  return found;
}

describe("message catalogue files", () => {
  const root = path.join(process.cwd(), "messages");
  const files = readdirSync(root).flatMap((locale) => readdirSync(path.join(root, locale)).map((f) => path.join(root, locale, f)));
  it.each(files.map((f) => [path.relative(root, f), f]))("%s has no key twice in one object", (_name, file) => {
    expect(duplicateKeys(readFileSync(file, "utf8"))).toEqual([]);
  });
  it("the check finds a duplicate", () => {
    expect(duplicateKeys('{"a": {"t": "x", "t": "y"}, "b": {"t": "z"}}')).toEqual(["t"]);
  });
});
