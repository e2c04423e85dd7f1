// Hostile bytes at the edge (issue 12): a NUL byte or a lone UTF-16 surrogate anywhere in a request
// — path, query, JSON body, server action input — and JSON nested deeper than any form of ours are
// refused before a schema or the database sees them (PostgreSQL fails on NUL with 22021; zod
// overflows the stack on a 3 000-level tree). The schemas refuse the same characters themselves
// (lib/schemas/common.ts); this is the net under every entry point, including those added later.
import { hasHostileCharacters } from "../schemas/common";

/** Deeper than any body or action input of the app (a rule tree is a few levels). */
export const MAX_JSON_DEPTH = 64;

/** Whether the JSON text nests arrays/objects deeper than max, found without parsing it. */
export function jsonDepthExceeds(text: string, max: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > max) return true;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth--;
  }
  return false;
}

/**
 * The path of the first string (value or key) holding NUL or a lone surrogate, or of a structure
 * nested deeper than max; null when the value is clean. "_form" names the value itself.
 */
export function findHostileValue(value: unknown, max: number = MAX_JSON_DEPTH, path: string[] = []): string | null {
  const at = () => (path.length ? path.join(".") : "_form");
  if (typeof value === "string") return hasHostileCharacters(value) ? at() : null;
  if (value === null || typeof value !== "object") return null;
  if (path.length >= max) return at();
  if (value instanceof Date || value instanceof Uint8Array || value instanceof ArrayBuffer || (typeof Blob !== "undefined" && value instanceof Blob)) return null;
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  for (const [key, child] of entries) {
    if (hasHostileCharacters(key)) return at();
    const found = findHostileValue(child, max, [...path, key]);
    if (found) return found;
  }
  return null;
}

/** PostgreSQL's refusal of a text value (NUL: 22021, untranslatable: 22P05) or a too-deep query (54001), wherever a driver error puts the code. */
export function isDatabaseInputRefusal(error: unknown): boolean {
  const seen = new Set<unknown>();
  const visit = (e: unknown, depth: number): boolean => {
    if (!e || typeof e !== "object" || seen.has(e) || depth > 4) return false;
    seen.add(e);
    const record = e as Record<string, unknown>;
    for (const key of ["code", "originalCode"]) if (record[key] === "22021" || record[key] === "22P05" || record[key] === "54001") return true;
    const message = typeof record.message === "string" ? record.message : "";
    if (/\b(22021|22P05)\b|invalid byte sequence for encoding/.test(message)) return true;
    return visit(record.cause, depth + 1) || visit(record.meta, depth + 1);
  };
  return visit(error, 0);
}
