// The first-load JavaScript of a page as the browser gets it: every /_next/static script its HTML names
// (<script src>, both the bootstrap scripts and the page's client-reference chunks — Next 16 writes them
// all into the HTML, with Turbopack as with webpack), read from the build in .next and gzip-compressed
// as a server sends them. Chunks loaded later on demand (next/dynamic, import()) are not counted, nor
// the `noModule` polyfills (39 KB gzip in the 2026-12-04 build): browsers that run modules — every
// browser the app supports — skip them; they are reported apart as `legacy`.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";

export interface FirstLoadJs {
  /** The /_next/static/… paths, in the order the HTML names them. */
  files: string[];
  raw: number;
  gzip: number;
  /** The `<script noModule>` files (polyfills for browsers without ES modules), not in the totals. */
  legacy: { files: string[]; gzip: number };
}

const sizes = new Map<string, { raw: number; gzip: number }>();

/** Raw and gzip bytes of one built file (cached: a chunk is shared by many pages). */
export async function builtFileSize(root: string, file: string): Promise<{ raw: number; gzip: number }> {
  const known = sizes.get(file);
  if (known) return known;
  const body = await readFile(path.join(root, ".next", decodeURIComponent(file)));
  const size = { raw: body.length, gzip: gzipSync(body).length };
  sizes.set(file, size);
  return size;
}

export async function firstLoadJs(html: string, root = process.cwd()): Promise<FirstLoadJs> {
  const tags = [...html.matchAll(/<script\b[^>]*\bsrc="\/_next\/(static\/[^"?]+\.js)[^"]*"[^>]*>/gi)];
  const isLegacy = (tag: string) => /\bnomodule\b/i.test(tag);
  const files = [...new Set(tags.filter((m) => !isLegacy(m[0])).map((m) => m[1]!))];
  const legacyFiles = [...new Set(tags.filter((m) => isLegacy(m[0])).map((m) => m[1]!))];
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const size = await builtFileSize(root, file);
    raw += size.raw;
    gzip += size.gzip;
  }
  let legacyGzip = 0;
  for (const file of legacyFiles) legacyGzip += (await builtFileSize(root, file)).gzip;
  return { files, raw, gzip, legacy: { files: legacyFiles, gzip: legacyGzip } };
}
