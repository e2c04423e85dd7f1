// Writes public/icons.svg and components/ui/icon-sprite.ts from lib/icons/sprite-icons.ts:
// `npx tsx scripts/icon-sprite.ts` after adding an icon there.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { buildSprite } from "../lib/icons/sprite";

const root = path.resolve(import.meta.dirname, "..");
const sprite = buildSprite();
writeFileSync(path.join(root, "public", "icons.svg"), sprite.svg);
writeFileSync(path.join(root, "components", "ui", "icon-sprite.ts"), sprite.hrefModule);
console.log(`public/icons.svg: ${Buffer.byteLength(sprite.svg)} bytes, ${sprite.href}`);
