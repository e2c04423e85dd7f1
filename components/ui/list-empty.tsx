import Link from "next/link";
import { EmptyState } from "./card";

/** A list with nothing to show: why, and — when filters caused it — a way to clear them. */
export function ListEmpty({ filtered, empty, emptyFiltered, clearHref, clearLabel }: { filtered: boolean; empty: string; emptyFiltered: string; clearHref: string; clearLabel: string }) {
  return (
    <EmptyState>
      {filtered ? emptyFiltered : empty}
      {filtered ? (
        <>
          {" "}
          <Link href={clearHref} className="text-brand-700 underline">
            {clearLabel}
          </Link>
        </>
      ) : null}
    </EmptyState>
  );
}
