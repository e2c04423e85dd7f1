import { z } from "zod";

// The query of every searchable, paged list: read from the URL's search params, validated once.
export const PAGE_SIZE = 20;

export const listQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export type ListQuery = z.infer<typeof listQuerySchema>;

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageCount: number;
}

export function pageArgs(query: { page: number }, pageSize = PAGE_SIZE) {
  return { skip: (query.page - 1) * pageSize, take: pageSize };
}

export function toPage<T>(rows: T[], total: number, query: { page: number }, pageSize = PAGE_SIZE): Page<T> {
  return { rows, total, page: query.page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
