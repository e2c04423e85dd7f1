"use client";

import { useTranslations } from "next-intl";
import type { LogView } from "./log-view";

/** A log's named new techniques and new departments (seed 003: 新技术新项目, 新建业务科室), a line each when there are any. */
export function LogNames({ log }: { log: Pick<LogView, "newTechniques" | "newDepartments"> }) {
  const t = useTranslations("worklogs");
  return (
    <>
      {log.newTechniques.length ? <p className="text-sm text-slate-600">{t("list.techniques", { names: log.newTechniques.join("、") })}</p> : null}
      {log.newDepartments.length ? <p className="text-sm text-slate-600">{t("list.departments", { names: log.newDepartments.join("、") })}</p> : null}
    </>
  );
}
