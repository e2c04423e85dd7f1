import { z } from "zod";

// The query of every searchable, paged list: read from the URL's search params, validated once.
// Every list offers the same page sizes, a jump to any page and, where it names them, sortable
// columns: `sort` is one of the list's own whitelisted keys (anything else falls back to the list's
// default order), `dir` asc or desc; the list maps the key to its SQL order.
export const PAGE_SIZE = 20;
export const PAGE_SIZES = [20, 50, 100] as const;

export const listQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  size: z.coerce
    .number()
    .refine((n): n is (typeof PAGE_SIZES)[number] => (PAGE_SIZES as readonly number[]).includes(n))
    .optional()
    .catch(undefined),
});

export type ListQuery = z.infer<typeof listQuerySchema>;

/** `sort` and `dir` for a list whose columns `keys` may be sorted by (a whitelist: nothing else reaches the SQL). */
export function sortFields<const K extends readonly [string, ...string[]]>(keys: K) {
  return {
    sort: z.enum(keys).optional().catch(undefined),
    dir: z.enum(["asc", "desc"]).optional().catch(undefined),
  };
}

export type SortDir = "asc" | "desc";

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageCount: number;
}

export function pageArgs(query: { page: number; size?: number }, pageSize = query.size ?? PAGE_SIZE) {
  return { skip: (query.page - 1) * pageSize, take: pageSize };
}

export function toPage<T>(rows: T[], total: number, query: { page: number; size?: number }, pageSize = query.size ?? PAGE_SIZE): Page<T> {
  return { rows, total, page: query.page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** How many options a searchable picker offers at once (components/ui/searchable-filter.tsx): it finds the rest by name on demand. */
export const PICKER_LIMIT = 20;

/** A searchable picker's question: part of a name (empty: the first options by name). */
export const optionSearchSchema = z.object({ q: z.string({ error: "invalid" }).trim().max(100, "tooLong").default("") });

/** A list's order when no column is chosen: its default key and direction. */
export interface DefaultSort<K extends string> {
  sort: K;
  dir: SortDir;
}

/**
 * A list's SQL order from its whitelisted key: the chosen column's order in its direction (first click
 * ascending), or the list's default in its default direction, then `tail` (ending on a unique column,
 * so that pages never overlap). `orders` maps every key, so a key cannot reach SQL unmapped.
 */
export function orderOf<K extends string, O>(orders: Record<K, (dir: SortDir) => O[]>, query: { sort?: K; dir?: SortDir }, fallback: DefaultSort<K>, tail: O[]): O[] {
  const sort = query.sort ?? fallback.sort;
  const dir = query.sort ? (query.dir ?? "asc") : fallback.dir;
  return [...orders[sort](dir), ...tail];
}

/**
 * The API's reading of a list's `page` and `size`: the same bounds as the page's, but a page or a size
 * it does not know is refused (422, at its field) rather than dropped. Lists with no sortable columns
 * (notifications, the screening, logs waiting) extend their page schema with this; sorted lists get it
 * through strictListFields.
 */
export const strictPageFields = {
  page: z.coerce.number({ error: "invalid" }).int("invalid").min(1, "invalid").max(100_000, "invalid").default(1),
  size: z.coerce
    .number({ error: "invalid" })
    .refine((n): n is (typeof PAGE_SIZES)[number] => (PAGE_SIZES as readonly number[]).includes(n), "invalid")
    .optional(),
};

/**
 * The API's reading of a list's `sort`, `dir`, `page` and `size`: the same whitelist, but a key, direction,
 * page or page size it does not know is refused (422, at its field) rather than dropped, so that an
 * integrator's typo does not come back silently in another order. Every GET list of /api/v1 extends the
 * page's schema with it (the web pages keep sortFields: an unknown key in the address falls back to the
 * list's default order); the OpenAPI document shows `sort`'s keys as an enum.
 * tests/integration/api-contract.test.ts sweeps every documented list with a bogus value of each.
 */
export function strictListFields<const K extends readonly [string, ...string[]]>(keys: K) {
  return {
    sort: z.enum(keys, { error: "invalid" }).optional(),
    dir: z.enum(["asc", "desc"], { error: "invalid" }).optional(),
    ...strictPageFields,
  };
}
