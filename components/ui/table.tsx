import clsx from "clsx";
import type { ReactNode } from "react";

// The first column kept in view while a wide table scrolls sideways in its frame (phones): each row's
// first cell is sticky, on the row's own background (--row-bg, white unless the row sets it, e.g.
// `[--row-bg:#f8fafc]` on a totals row) with a hairline on its right edge.
const STICKY_FIRST =
  "[&_tr>*:first-child]:sticky [&_tr>*:first-child]:left-0 [&_tr>*:first-child]:z-10 [&_tr>*:first-child]:bg-[var(--row-bg,white)] [&_tr>*:first-child]:shadow-[inset_-1px_0_0_#e2e8f0]";

/**
 * A plain, accessible data table: a caption for screen readers, header cells with scope. It scrolls
 * sideways inside its own frame (the page never does); `minWidth` (a Tailwind min-w class) keeps many
 * columns readable instead of squeezed, `stickyFirst` keeps the first column in view while scrolling.
 */
/** A header cell: plain content, or a sortable one (components/ui/sort-header.tsx) that says how the list is sorted; `label` is its words. */
type SortableHead = { content: ReactNode; ariaSort: "ascending" | "descending" | "none"; label?: string };
export type HeadCell = ReactNode | SortableHead;

function isSortable(cell: HeadCell): cell is SortableHead {
  return typeof cell === "object" && cell !== null && "ariaSort" in cell;
}

/**
 * The column labels of a card table, once on the table as custom properties (`--c2: "性别"` …) that the
 * phone layout in app/globals.css shows before each cell (`td:nth-child(2)::before`): each row costs no
 * bytes for them. The first column is the card's title and has no label. A CSS string, so JSON quoting.
 */
function cardLabels(head: HeadCell[]): Record<string, string> {
  const labels: Record<string, string> = {};
  head.forEach((cell, i) => {
    const words = typeof cell === "string" ? cell : isSortable(cell) ? cell.label : undefined;
    if (i > 0 && words) labels[`--c${i + 1}`] = JSON.stringify(words);
  });
  return labels;
}

/**
 * `cards`: on a phone the same rows are laid out as cards by CSS (`.table-cards` in app/globals.css),
 * so a list renders its rows once instead of a table and a card list. Each cell then shows its column's
 * label (from `head`); a cell that needs the card's full width says so with `max-md:col-span-2`.
 */
export function Table({ caption, head, children, minWidth = "min-w-[36rem]", stickyFirst = false, cards = false }: { caption: string; head: HeadCell[]; children: ReactNode; minWidth?: string; stickyFirst?: boolean; cards?: boolean }) {
  return (
    <div className="relative overflow-x-auto" tabIndex={stickyFirst ? 0 : undefined} role={stickyFirst ? "region" : undefined} aria-label={stickyFirst ? caption : undefined}>
      <table className={clsx("w-full text-left text-sm", minWidth, stickyFirst && STICKY_FIRST, cards && "table-cards")} style={cards ? cardLabels(head) : undefined}>
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-500">
          <tr>
            {head.map((cell, i) =>
              isSortable(cell) ? (
                <th key={i} scope="col" aria-sort={cell.ariaSort} className="px-3 py-2 font-medium">
                  {cell.content}
                </th>
              ) : (
                <th key={i} scope="col" className="px-3 py-2 font-medium">
                  {cell}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody className={clsx("divide-y divide-slate-100", CELL)}>{children}</tbody>
      </table>
    </div>
  );
}

/** The first cell of every row stays in view while a wide table scrolls sideways in its frame (for tables not drawn by Table). */
export const STICKY_FIRST_COLUMN = STICKY_FIRST;

/**
 * A body cell's padding and alignment, once on the table's body rather than on each of a page's
 * 20 × 8 cells (issue 17): a Td carries only its own classes, and rows drawn by a list's client
 * component are plain `<td>`s. (Td is only used inside Table.)
 */
const CELL = "[&>tr>td]:px-3 [&>tr>td]:py-2.5 [&>tr>td]:align-top";

export function Td({ children, className }: { children: ReactNode; className?: string }) {
  return <td className={className}>{children}</td>;
}
