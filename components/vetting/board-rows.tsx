"use client";

import clsx from "clsx";
import { createTranslator, useLocale } from "next-intl";
import Link from "next/link";
import { useMemo } from "react";
import { STICKY_FIRST_COLUMN } from "@/components/ui/table";
import type { StageKind } from "@/lib/generated/prisma/enums";

/** The board's message templates (vetting.board.*), sent once with the rows. */
export type BoardWords = Record<"caption" | "post" | "headcount" | "total" | "pendingEndorsement" | "approved" | "batch" | "waiting" | "passed" | "passedOfCap" | "passedOfCapLabel" | "shortfall" | "shortfallHeadcount" | "approvedOfHeadcount", string>;

/**
 * A stage's cell as numbers: waiting, passed (still running), cap (-1: none), the shortfall to show
 * (0: none); 0 for a stage the post has no tally at.
 */
export type BoardCell = [waiting: number, passed: number, cap: number, shortfall: number] | 0;

/** A post: id, title, receiving unit, batch, headcount, applications, awaiting endorsement, approved, its stages' cells. */
export type BoardRow = [id: string, title: string, receiving: string, batch: number, headcount: number, total: number, pending: number, approved: number, cells: BoardCell[]];

/**
 * The cells' layout, once on the table instead of on each of a page's 25 × 11 cells (issue 17: the
 * board's HTML repeated every class list): padding, the post's two lines, the number columns, and each
 * stage cell's link, count and shortfall stacked one per line, coloured by a short marker class.
 */
const CELLS = [
  "[&_tbody>tr]:align-top [&_td]:px-2 [&_td]:py-2.5 [&_td>*]:block [&_td>*]:w-fit [&_td>*+*]:mt-1",
  "[&_th[scope=row]]:px-2 [&_th[scope=row]]:py-2.5 [&_th[scope=row]]:font-normal [&_th[scope=row]>*]:block [&_th[scope=row]>:first-child]:font-medium [&_th[scope=row]>:first-child]:text-slate-900 [&_th[scope=row]>:last-child]:text-xs [&_th[scope=row]>:last-child]:text-slate-500",
  // The link into the stage's list: brand blue, grey where nobody waits (`none`).
  "[&_td>a]:rounded [&_td>a]:font-medium [&_td>a]:text-brand-700 [&_td>a]:underline-offset-2 [&_td>a:hover]:underline [&_td>a.none]:font-normal [&_td>a.none]:text-slate-500",
  // Passed of the cap: green and bold once the cap is reached; approved of the headcount likewise.
  "[&_.passed]:tabular-nums [&_.passed]:text-slate-700 [&_.full]:font-semibold [&_.full]:text-emerald-700",
  // The shortfall: an amber badge.
  "[&_.short]:rounded-full [&_.short]:bg-amber-50 [&_.short]:px-2 [&_.short]:py-0.5 [&_.short]:text-xs [&_.short]:font-medium [&_.short]:text-amber-800 [&_.short]:ring-1 [&_.short]:ring-inset [&_.short]:ring-amber-200",
  // Headcount, applications, awaiting endorsement: the three number columns after the post.
  "[&_td:nth-child(-n+4)]:text-right [&_td:nth-child(-n+4)]:tabular-nums",
].join(" ");

const HEAD = "px-2 py-2 font-medium";

/**
 * The board's table from the page's numbers. Each stage link is named by the post, its batch, the
 * stage and its own words ("眼科医生 第1批 资格初审 待审 5") through aria-labelledby, which costs a few ids
 * instead of a sentence per cell. Links do not prefetch: a page holds 150 of them.
 */
export function BoardRows({ href, stages, words, rows }: { href: string; stages: [kind: StageKind, name: string, ratio: number | null][]; words: BoardWords; rows: BoardRow[] }) {
  const locale = useLocale();
  const t = useMemo(() => createTranslator({ locale, messages: words }), [locale, words]);
  const batches = [...new Set(rows.map((r) => r[3]))];
  // "不足1:3，差1人" against the stage's ratio; at approval (or without a ratio) against the headcount.
  const shortfall = ([kind, , ratio]: (typeof stages)[number], missing: number) =>
    ratio && kind !== "APPROVAL" ? t("shortfall", { ratio, missing }) : t("shortfallHeadcount", { missing });
  return (
    <div className="relative -mx-1 overflow-x-auto px-1" role="region" aria-label={t("caption")} tabIndex={0}>
      <table className={clsx("w-full min-w-[64rem] text-left text-sm", STICKY_FIRST_COLUMN, CELLS)}>
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="border-b border-slate-200 text-xs text-slate-500">
          <tr>
            <th scope="col" className={`sticky left-0 z-10 bg-white ${HEAD}`}>
              {t("post")}
            </th>
            <th scope="col" className={`text-right ${HEAD}`}>
              {t("headcount")}
            </th>
            <th scope="col" className={`text-right ${HEAD}`}>
              {t("total")}
            </th>
            <th scope="col" className={`text-right ${HEAD}`}>
              {t("pendingEndorsement")}
            </th>
            {stages.map(([kind, name, ratio], j) => (
              <th key={kind} scope="col" className={HEAD}>
                <span id={`gs${j}`}>{name}</span>
                {ratio ? <span className="block font-normal text-slate-400">1:{ratio}</span> : null}
              </th>
            ))}
            <th scope="col" className={HEAD}>
              {t("approved")}
            </th>
          </tr>
        </thead>
        {batches.map((batch) => (
          <tbody key={batch} className="divide-y divide-slate-100">
            <tr className="bg-slate-50">
              <th scope="rowgroup" id={`gb${batch}`} colSpan={5 + stages.length} className="px-2 py-1.5 text-xs font-semibold text-slate-600">
                {t("batch", { batch })}
              </th>
            </tr>
            {rows.map(([id, title, receiving, rowBatch, headcount, total, pending, approved, cells], i) =>
              rowBatch !== batch ? null : (
                <tr key={id}>
                  <th scope="row">
                    <span id={`gp${i}`}>{title}</span>
                    <span>{receiving}</span>
                  </th>
                  <td>{headcount}</td>
                  <td>{total}</td>
                  <td>{pending}</td>
                  {cells.map((cell, j) => (
                    <td key={stages[j]![0]}>
                      {cell === 0 ? null : (
                        <>
                          <Link prefetch={false} href={`${href}/${id}?stage=${stages[j]![0]}`} id={`gc${i}-${j}`} aria-labelledby={`gp${i} gb${batch} gs${j} gc${i}-${j}`} className={cell[0] > 0 ? undefined : "none"}>
                            {t("waiting", { count: cell[0] })}
                          </Link>
                          {cell[2] < 0 ? (
                            <span className="passed">{t("passed", { passed: cell[1] })}</span>
                          ) : (
                            <span className={cell[1] >= cell[2] ? "passed full" : "passed"}>
                              <span aria-hidden>{t("passedOfCap", { passed: cell[1], cap: cell[2] })}</span>
                              <span className="sr-only">{t("passedOfCapLabel", { passed: cell[1], cap: cell[2] })}</span>
                            </span>
                          )}
                          {cell[3] > 0 ? <span className="short">{shortfall(stages[j]!, cell[3])}</span> : null}
                        </>
                      )}
                    </td>
                  ))}
                  <td className={approved >= headcount ? "passed full" : "passed"}>{t("approvedOfHeadcount", { approved, headcount })}</td>
                </tr>
              ),
            )}
          </tbody>
        ))}
      </table>
    </div>
  );
}
