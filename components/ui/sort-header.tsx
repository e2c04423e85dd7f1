import Link from "next/link";
import type { DefaultSort, SortDir } from "@/lib/schemas/list-query";
import { Icon } from "./icon";
import { listHref, type ListParams } from "./list-href";
import type { HeadCell } from "./table";

export interface SortState {
  sort?: string;
  dir?: SortDir;
  /** The list's other params (filters, page size), kept by the links; the page goes back to 1. */
  params: ListParams;
  /** The list's order when no column is chosen, for its header to show. */
  defaultSort: string;
  defaultDir: SortDir;
}

/** A column header that sorts the list on the server: the first click ascending, the next descending. */
export function sortHead(label: string, key: string, state: SortState): { content: React.ReactNode; ariaSort: "ascending" | "descending" | "none"; label: string } {
  const activeKey = state.sort ?? state.defaultSort;
  const dir = state.sort ? (state.dir ?? "asc") : state.defaultDir;
  const isActive = activeKey === key;
  const next: SortDir = isActive && dir === "asc" ? "desc" : "asc";
  const icon = !isActive ? "arrow-up-down" : dir === "asc" ? "arrow-up" : "arrow-down";
  return {
    label,
    ariaSort: isActive ? (dir === "asc" ? "ascending" : "descending") : "none",
    content: (
      <Link href={listHref(state.params, { sort: key, dir: next, page: undefined })} className="inline-flex items-center gap-1 whitespace-nowrap hover:text-slate-800">
        {label}
        <Icon name={icon} className={isActive ? "h-3.5 w-3.5 text-brand-700" : "h-3.5 w-3.5 text-slate-300"} />
      </Link>
    ),
  };
}

/**
 * A list page's sort state (for its headers) and the params its Pagination keeps (filters and sort),
 * from its parsed query, its filters and its default order.
 */
export function listState<K extends string>(query: { sort?: K; dir?: SortDir; size?: number }, filters: ListParams, fallback: DefaultSort<K>): { sort: SortState; pageParams: ListParams } {
  const size = query.size ? String(query.size) : undefined;
  return {
    sort: { sort: query.sort, dir: query.dir, params: { ...filters, size }, defaultSort: fallback.sort, defaultDir: fallback.dir },
    pageParams: { ...filters, sort: query.sort, dir: query.dir },
  };
}

/** A table's header maker: sortable headers when the list is sorted on the server (`sort` given), plain labels otherwise. */
export function sortHeads<K extends string>(sort: SortState | undefined): (label: string, key: K) => HeadCell {
  return (label, key) => (sort ? sortHead(label, key, sort) : label);
}
