import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import Link from "next/link";
import type { SortDir } from "@/lib/schemas/list-query";
import { listHref, type ListParams } from "./list-href";

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
export function sortHead(label: string, key: string, state: SortState): { content: React.ReactNode; ariaSort: "ascending" | "descending" | "none" } {
  const activeKey = state.sort ?? state.defaultSort;
  const dir = state.sort ? (state.dir ?? "asc") : state.defaultDir;
  const isActive = activeKey === key;
  const next: SortDir = isActive && dir === "asc" ? "desc" : "asc";
  const Icon = !isActive ? ArrowUpDown : dir === "asc" ? ArrowUp : ArrowDown;
  return {
    ariaSort: isActive ? (dir === "asc" ? "ascending" : "descending") : "none",
    content: (
      <Link href={listHref(state.params, { sort: key, dir: next, page: undefined })} className="inline-flex items-center gap-1 whitespace-nowrap hover:text-slate-800">
        {label}
        <Icon aria-hidden className={isActive ? "h-3.5 w-3.5 text-brand-700" : "h-3.5 w-3.5 text-slate-300"} />
      </Link>
    ),
  };
}
