import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AreaBreadcrumbs } from "@/components/shell/area-breadcrumbs";
import { StepForm } from "@/components/evaluations/step-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { prisma } from "@/lib/db";
import { shanghaiDay } from "@/lib/domain/dispatch";
import { missingForNotice, VIRTUES, WORKLOAD_COUNTS } from "@/lib/domain/service-evaluation";
import { requirePermission } from "@/lib/server/page-guard";
import { getServiceEvaluation } from "@/lib/server/service-evaluations";
import { orErrorPage } from "../../load";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("evaluations.service");
  return { title: t("title") };
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 sm:flex-row sm:gap-3">
      <dt className="shrink-0 text-slate-500 sm:w-40">{label}</dt>
      <dd className="min-w-0 whitespace-pre-wrap break-words text-slate-900">{children}</dd>
    </div>
  );
}

/** An opinion with its date: the form when it is the caller's to give now, else the words given. */
function OpinionPart(props: { editable: boolean; section: "dispatching" | "authority"; dispatchId: string; opinion: string | null; on: string | null; today: string; labels: { opinion: string; on: string; save: string; none: string } }) {
  const { labels } = props;
  if (props.editable) {
    return (
      <StepForm
        step="section"
        section={props.section}
        dispatchId={props.dispatchId}
        submitLabel={labels.save}
        fields={[
          { name: "opinion", label: labels.opinion, kind: "textarea", initial: props.opinion },
          { name: "opinionOn", label: labels.on, kind: "date", initial: props.on ?? props.today },
        ]}
      />
    );
  }
  const none = <span className="text-slate-400">{labels.none}</span>;
  return (
    <dl className="grid gap-2 text-sm">
      <Row label={labels.opinion}>{props.opinion ?? none}</Row>
      <Row label={labels.on}>{props.on ?? none}</Row>
    </dl>
  );
}

// One dispatch's 服务期满评价表: every field of seed 001's form, each party's part as a form when it is
// theirs to fill now (the use case reports `can`), the notice and its objections, the result, and the
// A4 PDF rendered on the server from the same data.
export default async function ServiceEvaluationPage({ params }: { params: Promise<{ dispatchId: string }> }) {
  const { scope } = await requirePermission("evaluation.read");
  const { dispatchId } = await params;
  const [v, t, td] = await Promise.all([orErrorPage(() => getServiceEvaluation(prisma, scope, dispatchId)), getTranslations("evaluations.service"), getTranslations("doctors")]);
  const f = v.form;
  const p = v.person;
  const none = <span className="text-slate-400">{t("notFilled")}</span>;
  const show = (value: string | number | null | undefined) => (value === null || value === undefined || value === "" ? none : value);
  const today = shanghaiDay(new Date());
  const pdf = `/api/v1/service-evaluations/${v.dispatchId}/pdf`;

  return (
    <div className="flex flex-col gap-6">
      <AreaBreadcrumbs role={scope.user.role} area="/evaluations" trail={[{ label: t("title"), href: "/evaluations/service" }, { label: p.name }]} />
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold text-slate-900">{t("heading", { doctor: p.name })}</h1>
          <p className="mt-1 text-sm text-slate-600">{v.program.name}</p>
        </div>
        {f ? (
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={f.status === "ISSUED" ? (f.result === "PASS" ? "success" : "danger") : "warning"}>{f.status === "ISSUED" && f.result ? t(`result.${f.result}`) : t(`status.${f.status}`)}</Badge>
            <a href={pdf} target="_blank" rel="noopener" className="rounded-md border border-brand-600 px-3 py-1.5 text-sm font-medium text-brand-700 hover:bg-brand-50" data-testid="service-pdf">
              {t("pdf")}
            </a>
            <a href={`${pdf}?download=1`} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50">
              {t("download")}
            </a>
          </div>
        ) : null}
      </div>

      <Card title={t("person.caption")}>
        <dl className="grid gap-2 text-sm md:grid-cols-2">
          <Row label={t("person.name")}>{p.name}</Row>
          <Row label={t("person.sex")}>{td(`sex.${p.sex}`)}</Row>
          <Row label={t("person.ethnicity")}>{p.ethnicity}</Row>
          <Row label={t("person.birthMonth")}>{p.birthMonth}</Row>
          <Row label={t("person.education")}>{[td(`education.${p.education}` as never), p.degree].filter(Boolean).join(" / ")}</Row>
          <Row label={t("person.major")}>{show(p.major)}</Row>
          <Row label={t("person.employer")}>{p.employer}</Row>
          <Row label={t("person.specialty")}>{p.specialty}</Row>
          <Row label={t("person.title")}>{show(p.title)}</Row>
          <Row label={t("person.titleSince")}>{show(p.titleSince)}</Row>
          <Row label={t("person.receivingOrg")}>{p.receivingOrg}</Row>
          <Row label={t("person.period")}>{t("person.periodValue", { first: p.firstDay, last: p.lastDay })}</Row>
        </dl>
      </Card>

      {!f ? (
        <Card>
          <p className="mb-3 text-sm text-slate-600">{t("notOpened")}</p>
          {v.can.open ? <StepForm step="open" dispatchId={v.dispatchId} fields={[]} submitLabel={t("open")} /> : null}
        </Card>
      ) : (
        <>
          <Card title={t("self.caption")}>
            {v.can.self ? (
              <>
                <p className="mb-3 text-xs text-slate-500">{t("self.prefilled")}</p>
                <StepForm
                  step="section"
                  section="self"
                  dispatchId={v.dispatchId}
                  submitLabel={t("save")}
                  fields={[
                    { name: "mainTasks", label: t("self.mainTasks"), kind: "textarea", initial: f.mainTasks },
                    ...WORKLOAD_COUNTS.map((k) => ({ name: `workload.${k}`, label: t(`self.${k}`), kind: "count" as const, initial: f.workload[k] })),
                    { name: "workload.otherWork", label: t("self.otherWork"), kind: "text", initial: f.workload.otherWork },
                    { name: "summary", label: t("self.summary"), kind: "textarea", initial: f.summary },
                  ]}
                />
              </>
            ) : (
              <dl className="grid gap-2 text-sm">
                <Row label={t("self.mainTasks")}>{show(f.mainTasks)}</Row>
                {WORKLOAD_COUNTS.map((k) => (
                  <Row key={k} label={t(`self.${k}`)}>
                    <span className="tabular-nums">{f.workload[k]}</span>
                  </Row>
                ))}
                <Row label={t("self.otherWork")}>{show(f.workload.otherWork)}</Row>
                <Row label={t("self.summary")}>{show(f.summary)}</Row>
              </dl>
            )}
          </Card>

          <Card title={t("dispatching.caption")}>
            <OpinionPart editable={v.can.dispatching} section="dispatching" dispatchId={v.dispatchId} opinion={f.dispatchingOpinion} on={f.dispatchingOpinionOn} today={today} labels={{ opinion: t("opinion"), on: t("opinionOn"), save: t("save"), none: t("notFilled") }} />
          </Card>

          <Card title={t("receiving.caption")}>
            {v.can.receiving ? (
              <StepForm
                step="section"
                section="receiving"
                dispatchId={v.dispatchId}
                submitLabel={t("save")}
                fields={[
                  { name: "opinion", label: t("opinion"), kind: "textarea", initial: f.receivingOpinion },
                  { name: "opinionOn", label: t("opinionOn"), kind: "date", initial: f.receivingOpinionOn ?? today },
                  ...VIRTUES.map((k) => ({ name: `virtues.${k}`, label: t(`receiving.${k}`), kind: "text" as const, initial: f.virtues[k] ?? "" })),
                  { name: "talksOn", label: t("receiving.talksOn"), kind: "date", initial: f.talksOn },
                  { name: "talksNote", label: t("receiving.talksNote"), kind: "text", initial: f.talksNote },
                  { name: "democraticOn", label: t("receiving.democraticOn"), kind: "date", initial: f.democraticOn },
                  { name: "democraticNote", label: t("receiving.democraticNote"), kind: "text", initial: f.democraticNote },
                  { name: "collectiveOn", label: t("receiving.collectiveOn"), kind: "date", initial: f.collectiveOn },
                  { name: "collectiveNote", label: t("receiving.collectiveNote"), kind: "text", initial: f.collectiveNote },
                ]}
              />
            ) : (
              <dl className="grid gap-2 text-sm">
                <Row label={t("opinion")}>{show(f.receivingOpinion)}</Row>
                <Row label={t("opinionOn")}>{show(f.receivingOpinionOn)}</Row>
                {VIRTUES.map((k) => (
                  <Row key={k} label={t(`receiving.${k}`)}>
                    {show(f.virtues[k])}
                  </Row>
                ))}
                <Row label={t("receiving.talksOn")}>{show([f.talksOn, f.talksNote].filter(Boolean).join(" "))}</Row>
                <Row label={t("receiving.democraticOn")}>{show([f.democraticOn, f.democraticNote].filter(Boolean).join(" "))}</Row>
                <Row label={t("receiving.collectiveOn")}>{show([f.collectiveOn, f.collectiveNote].filter(Boolean).join(" "))}</Row>
              </dl>
            )}
          </Card>

          <Card title={t("notice.caption")}>
            {f.noticeStartsOn ? <p className="text-sm text-slate-700">{t("notice.period", { starts: f.noticeStartsOn, ends: f.noticeEndsOn! })}</p> : null}
            {v.can.notice && missingForNotice(f).length > 0 ? <p className="text-sm text-amber-800">{t("notice.incomplete")}</p> : null}
            {v.can.notice && missingForNotice(f).length === 0 ? (
              <StepForm
                step="notice"
                dispatchId={v.dispatchId}
                submitLabel={t("notice.start")}
                confirm={t("notice.confirm")}
                fields={[
                  { name: "startsOn", label: t("notice.startsOn"), kind: "date", initial: today },
                  { name: "endsOn", label: t("notice.endsOn"), kind: "date" },
                ]}
              />
            ) : null}
            {f.status !== "FILLING" ? (
              <div className="mt-4 flex flex-col gap-3">
                <h3 className="text-sm font-semibold text-slate-900">{t("objections.caption")}</h3>
                {f.objections.length === 0 ? <p className="text-sm text-slate-500">{t("objections.none")}</p> : null}
                <ul className="flex flex-col gap-3">
                  {f.objections.map((o) => (
                    <li key={o.id} className="rounded-md border border-slate-200 p-3 text-sm">
                      <p className="text-slate-500">
                        {o.receivedOn}
                        {o.objector ? ` · ${o.objector}` : ""}
                      </p>
                      <p className="mt-1 whitespace-pre-wrap text-slate-900">{o.content}</p>
                      {o.answer ? (
                        <p className="mt-2 whitespace-pre-wrap text-slate-700">
                          {t("objections.answer")}：{o.answer}
                        </p>
                      ) : v.can.objections ? (
                        <div className="mt-2">
                          <StepForm step="answer" dispatchId={v.dispatchId} fixed={{ objectionId: o.id }} submitLabel={t("objections.answerAction")} fields={[{ name: "answer", label: t("objections.answer"), kind: "textarea" }]} />
                        </div>
                      ) : (
                        <Badge tone="warning">{t("objections.unanswered")}</Badge>
                      )}
                    </li>
                  ))}
                </ul>
                {v.can.objections ? (
                  <StepForm
                    step="objection"
                    dispatchId={v.dispatchId}
                    submitLabel={t("objections.file")}
                    fields={[
                      { name: "objector", label: t("objections.objector"), kind: "text" },
                      { name: "receivedOn", label: t("objections.receivedOn"), kind: "date", initial: today },
                      { name: "content", label: t("objections.content"), kind: "textarea" },
                    ]}
                  />
                ) : null}
              </div>
            ) : null}
          </Card>

          <Card title={t("authority.caption")}>
            <OpinionPart editable={v.can.authority} section="authority" dispatchId={v.dispatchId} opinion={f.authorityOpinion} on={f.authorityOpinionOn} today={today} labels={{ opinion: t("opinion"), on: t("opinionOn"), save: t("save"), none: t("notFilled") }} />
          </Card>

          <Card title={t("issue.caption")}>
            {f.result ? (
              <div className="flex flex-col gap-1 text-sm">
                <p className="text-base font-semibold text-slate-900" data-testid="service-result">
                  {t(`result.${f.result}`)}
                </p>
                <p className="text-slate-600">{f.countsAsGrassroots ? t("issue.counts") : f.result === "PASS" ? t("issue.voided") : t("issue.notCounted")}</p>
              </div>
            ) : v.can.issue ? (
              <StepForm
                step="issue"
                dispatchId={v.dispatchId}
                submitLabel={t("issue.action")}
                confirm={t("issue.confirm")}
                fields={[{ name: "result", label: t("issue.result"), kind: "select", options: [{ value: "PASS", label: t("result.PASS") }, { value: "FAIL", label: t("result.FAIL") }] }]}
              />
            ) : (
              <p className="text-sm text-slate-500">{t("notFilled")}</p>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
