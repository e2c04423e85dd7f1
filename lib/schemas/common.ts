import { z } from "zod";

// The string every schema starts from. PostgreSQL refuses a NUL byte in text (SQLSTATE 22021) and
// a lone UTF-16 surrogate cannot be encoded as UTF-8: both are refused here, at the schema's edge,
// with the message key "invalidCharacters" — never a 500 from the database.

/** NUL, or a high surrogate not followed by a low one, or a low one not preceded by a high one. */
const HOSTILE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function hasHostileCharacters(value: string): boolean {
  return HOSTILE.test(value);
}

/** z.string() that refuses NUL bytes and lone surrogates; chain .trim(), .min(), .max() as usual. */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine((value) => !hasHostileCharacters(value), { message: "invalidCharacters", abort: true });
}

/**
 * The record's version an edit started from (the form's hidden field, the API's If-Match); a stale
 * one is refused with 409 (issue 12: no lost updates). Optional: the API route requires it itself.
 */
export const editVersion = z.number({ error: "invalid" }).int("invalid").min(1, "invalid").optional();
