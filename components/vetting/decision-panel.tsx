"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ApplicationStatus, AttachmentKind, DecisionOutcome, EligibilityVerdict, StageKind } from "@/lib/generated/prisma/enums";
import { DecisionDialog } from "./decision-dialog";

/** The outcomes a decision may still have: a closed application is corrected only to a different ending. */
function outcomesFor(status: ApplicationStatus): DecisionOutcome[] {
  if (status === "APPROVED") return ["FAIL", "WITHDRAW"];
  if (status === "REJECTED") return ["PASS", "WITHDRAW"];
  if (status === "WITHDRAWN") return ["PASS", "FAIL"];
  return ["PASS", "FAIL", "WITHDRAW"];
}

/**
 * Pass / fail / withdraw one application at its current stage (the application's page). On a closed
 * application the decision is a correction ("更正"), kept as a new record, and always needs a reason.
 */
export function DecisionPanel({
  applicationId,
  stage,
  status,
  eligibilityVerdict,
  missingDocuments = [],
}: {
  applicationId: string;
  stage: StageKind;
  status: ApplicationStatus;
  eligibilityVerdict: EligibilityVerdict | null;
  /** What it lacks to pass this stage (issue 15): warned of here, before 通过 is clicked. */
  missingDocuments?: AttachmentKind[];
}) {
  const t = useTranslations("vetting");
  const tKind = useTranslations("attachments.kind");
  const tStage = useTranslations("stage");
  const tStatus = useTranslations("applicationStatus");
  const [message, setMessage] = useState<string | null>(null);

  if (status === "PENDING_ENDORSEMENT") {
    return <p className="text-sm text-slate-600">{t("decision.awaitingEndorsement")}</p>;
  }
  const correction = status !== "IN_PROGRESS";
  const targets = [{ id: applicationId, eligibilityVerdict, missingDocuments }];
  const canPass = outcomesFor(status).includes("PASS");
  return (
    <section aria-label={t("decision.title")} className="flex flex-col gap-3">
      <p className="text-sm text-slate-700">{t("decision.currentStage", { stage: tStage(stage) })}</p>
      {canPass && missingDocuments.length > 0 ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">
          {t("decision.missingBefore", { documents: missingDocuments.map((k) => tKind(k)).join(t("stagePage.kindJoiner")) })}
        </p>
      ) : null}
      {correction ? <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{t("decision.correctionNote", { status: tStatus(status) })}</p> : null}
      <div className="flex flex-wrap gap-2">
        {outcomesFor(status).map((outcome) => (
          <DecisionDialog
            key={outcome}
            outcome={outcome}
            stage={stage}
            targets={targets}
            correction={correction}
            onDone={setMessage}
            trigger={
              <Button type="button" variant={outcome === "PASS" ? "primary" : "secondary"}>
                {correction ? t("decision.correctTo", { outcome: t(`decision.outcome.${outcome}`) }) : t(`decision.outcome.${outcome}`)}
              </Button>
            }
          />
        ))}
      </div>
      {message ? (
        <p role="status" className="text-sm text-emerald-700">
          {message}
        </p>
      ) : null}
    </section>
  );
}
