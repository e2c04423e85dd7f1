import "server-only";
import type { NextRequest } from "next/server";
import { AppError } from "../errors";
import { errorResponse } from "./api-route";
import type { Tx } from "./kit";

// Lost updates (issue 12): an edit carries the version of the record it started from (the form's
// hidden field, the API's If-Match); when the record has changed since, the edit is refused with 409
// and says what changed, by whom and when — read from the audit rows written since that version
// (each row's `after` holds the version it produced).

type Json = Record<string, unknown> | null;

/** The top-level fields that differ between an audit row's before and after (the version itself aside). */
function changedFields(before: Json, after: Json): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((k) => k !== "version" && k !== "updatedAt" && JSON.stringify(before?.[k]) !== JSON.stringify(after?.[k]));
}

/**
 * Refuses the edit when `expected` (the version the editor started from) is not `current`: a 409
 * "staleEdit" with details `by` (who changed it last), `at` (when), `fields` (comma-separated field
 * names changed since `expected`), `version` (the current one, to start again from) and `entity`.
 */
export async function checkEditVersion(tx: Tx, entity: string, entityId: string, current: number, expected: number | undefined): Promise<void> {
  if (expected === undefined || expected === current) return;
  const rows = await tx.auditLog.findMany({
    where: { entity, entityId },
    orderBy: { id: "desc" },
    take: 50,
    select: { at: true, actorName: true, before: true, after: true },
  });
  const since = rows.filter((r) => {
    const v = (r.after as Json)?.version;
    return typeof v === "number" && v > expected;
  });
  const fields = [...new Set(since.flatMap((r) => changedFields(r.before as Json, r.after as Json)))];
  const last = since[0];
  throw new AppError("conflict", "staleEdit", undefined, {
    by: last?.actorName ?? "—",
    at: (last?.at ?? new Date()).toISOString(),
    fields: fields.join(","),
    version: String(current),
    entity, // which record, for a catalogue that speaks of several ("this post", "this programme")
  });
}

/** `If-Match: "7"` → 7; null when absent; "invalid" for anything else (a weak or a list of tags). */
export function versionOfIfMatch(header: string | null): number | null | "invalid" {
  if (header === null) return null;
  const m = /^\s*"(\d{1,9})"\s*$/.exec(header);
  return m ? Number(m[1]) : "invalid";
}

/** The ETag of a record's version (what If-Match sends back). */
export const etagOf = (version: number) => `"${version}"`;

/** What a PATCH route needs: the If-Match version, or the 428 answer when it is missing or not a version tag. */
export async function ifMatchOr428(request: NextRequest): Promise<number | Response> {
  const version = versionOfIfMatch(request.headers.get("if-match"));
  return typeof version === "number" ? version : errorResponse(request, 428, "preconditionRequired", "ifMatchRequired");
}
