import "server-only";
import { authorize, type Scope } from "../auth/policy";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { DISPATCH_DEFAULT_SORT, type DISPATCH_SORT_KEYS, type DispatchListQuery } from "../schemas/dispatches";
import { orderOf, pageArgs, toPage, type Page, type SortDir } from "../schemas/list-query";
import { boardSelect, boardWhere, rowOf, type BoardRow } from "./dispatch-queries";

// The board's dispatches as a plain list: the same filters, sorted by a column and paged in SQL
// (the timeline shows them all at once; a long programme reads better a page at a time).

const orders: Record<(typeof DISPATCH_SORT_KEYS)[number], (dir: SortDir) => Prisma.DispatchOrderByWithRelationInput[]> = {
  doctor: (dir) => [{ doctor: { name: dir } }],
  program: (dir) => [{ program: { name: dir } }, { startDate: "desc" }],
  receivingOrg: (dir) => [{ receivingOrg: { name: dir } }, { startDate: "desc" }],
  startDate: (dir) => [{ startDate: dir }],
  lastDay: (dir) => [{ lastDay: dir }],
  status: (dir) => [{ status: dir }, { startDate: "desc" }],
};

/** One page of the dispatches the reader may see, sorted by the chosen column, ties by id. */
export async function listDispatches(db: PrismaClient, scope: Scope, query: DispatchListQuery): Promise<Page<BoardRow>> {
  authorize(scope, "dispatch.read");
  const where = boardWhere(scope, { programId: query.programId, includeEnded: query.ended === "1" });
  const [records, total] = await Promise.all([
    db.dispatch.findMany({ where, select: boardSelect, orderBy: orderOf(orders, query, DISPATCH_DEFAULT_SORT, [{ id: "asc" }]), ...pageArgs(query) }),
    db.dispatch.count({ where }),
  ]);
  return toPage(records.map(rowOf), total, query);
}
