import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSprite } from "@/lib/icons/sprite";
import { spriteIcons } from "@/lib/icons/sprite-icons";

// public/icons.svg and components/ui/icon-sprite.ts are generated (scripts/icon-sprite.ts): a change to
// the icon list, or a lucide update that redraws one, must be written out (and gets a new address, so a
// browser holding the old sprite for a year fetches the new one).
const ROOT = path.resolve(__dirname, "..", "..");
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

describe("the icon sprite", () => {
  const sprite = buildSprite();

  it("is current: public/icons.svg and its address are what the generator writes", () => {
    expect(read("public/icons.svg")).toBe(sprite.svg);
    expect(read("components/ui/icon-sprite.ts")).toBe(sprite.hrefModule);
  });

  it("holds one symbol with lucide's elements for every name", () => {
    const ids = [...sprite.svg.matchAll(/<symbol id="([^"]+)" viewBox="0 0 24 24">(.*?)<\/symbol>/g)];
    expect(ids.map((m) => m[1])).toEqual(Object.keys(spriteIcons));
    for (const [, , inner] of ids) expect(inner).toMatch(/^<(path|circle|rect|line|polyline|polygon|ellipse) /);
  });
});
