"use client";

import { useFormatter } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { TextField } from "@/components/ui/field";
import { FormMessages } from "@/components/ui/form-messages";
import { createRaterLinkAction, revokeRaterLinkAction } from "@/lib/actions/evaluations";
import { useActionForm } from "@/lib/forms/use-action-form";
import { createRaterLinkSchema, type CreateRaterLinkInput } from "@/lib/schemas/evaluations";

export interface RaterLinkRow {
  id: string;
  party: string;
  raterName: string;
  email: string | null;
  expiresAt: string;
  state: "open" | "used" | "revoked" | "expired";
  createdBy: string;
}

interface Created {
  url: string;
  expiresAt: string;
  emailed: boolean;
  qrSvg: string;
  raterName: string;
  party: string;
  email: string;
}

/**
 * Staff make a single-use link for one party no account scores as, then print its QR code (shown
 * only now: the token is not kept) or let the e-mail carry it; the doctor's links with their state,
 * and revoking an open one (asked first).
 */
export function RaterLinks({ subjectId, doctorName, parties, links }: { subjectId: string; doctorName: string; parties: string[]; links: RaterLinkRow[] }) {
  const format = useFormatter();
  const router = useRouter();
  const id = useId();
  const [created, setCreated] = useState<Created | null>(null);
  const form = useActionForm({
    namespace: "evaluations",
    schema: createRaterLinkSchema,
    defaultValues: { subjectId, party: (parties[0] ?? "") as CreateRaterLinkInput["party"], raterName: "", email: "", validDays: 14 } satisfies CreateRaterLinkInput,
    fields: ["party", "raterName", "email", "validDays"],
    action: createRaterLinkAction,
    onSuccess: (data, input) => {
      setCreated({ ...data, raterName: input.raterName, party: input.party, email: input.email ?? "" });
      form.reset({ ...input, raterName: "", email: "" });
      router.refresh();
    },
  });
  const { t } = form;
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "medium", timeStyle: "short" });

  async function revoke(linkId: string) {
    form.setMessage({});
    const result = await revokeRaterLinkAction({ linkId, subjectId });
    if (result?.data) {
      form.setMessage({ success: t("raterLinks.revoked") });
      router.refresh();
    } else form.setMessage({ error: form.serverError(result?.serverError) });
  }

  return (
    <div className="flex flex-col gap-6">
      <FormMessages {...form.message} />
      {created ? (
        <section aria-labelledby={`${id}-created`} className="rater-link-print flex flex-col gap-3 rounded-xl border border-emerald-200 bg-emerald-50 p-4">
          <h2 id={`${id}-created`} className="text-sm font-medium text-emerald-900 print:hidden">
            {t("raterLinks.created")}
          </h2>
          <p className="text-sm text-emerald-900 print:hidden">{created.emailed ? t("raterLinks.emailed", { email: created.email }) : t("raterLinks.notEmailed")}</p>
          <div className="flex flex-col items-center gap-2 rounded-lg bg-white p-4 text-center">
            <p className="text-sm font-medium text-slate-900">{t("raterLinks.printFor", { rater: created.raterName, party: t(`party.${created.party}` as never), doctor: doctorName })}</p>
            <div role="img" aria-label={t("raterLinks.qr")} className="h-48 w-48" dangerouslySetInnerHTML={{ __html: created.qrSvg }} data-testid="rater-link-qr" />
            <p className="break-all font-mono text-xs text-slate-700" data-testid="rater-link-url">
              {created.url}
            </p>
            <p className="text-xs text-slate-500">{t("raterLinks.printExpires", { expiresAt: when(created.expiresAt) })}</p>
          </div>
          <div className="print:hidden">
            <Button type="button" variant="secondary" onClick={() => window.print()}>
              {t("raterLinks.print")}
            </Button>
          </div>
        </section>
      ) : null}

      <form onSubmit={form.submit} noValidate className="flex flex-col gap-4 print:hidden" aria-labelledby={`${id}-create`}>
        <h2 id={`${id}-create`} className="text-base font-semibold text-slate-900">
          {t("raterLinks.create")}
        </h2>
        <div className="flex flex-col gap-1.5">
          <label htmlFor={`${id}-party`} className="text-sm font-medium text-slate-700">
            {t("raterLinks.party")}
          </label>
          <select id={`${id}-party`} className="rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm" {...form.register("party")}>
            {parties.map((p) => (
              <option key={p} value={p}>
                {t(`party.${p}` as never)}
              </option>
            ))}
          </select>
        </div>
        <TextField label={t("raterLinks.raterName")} placeholder={t("raterLinks.raterNameHint")} maxLength={60} error={form.fieldError("raterName")} {...form.register("raterName")} />
        <TextField label={t("raterLinks.emailField")} type="email" maxLength={254} error={form.fieldError("email")} {...form.register("email")} />
        <p className="-mt-3 text-xs text-slate-500">{t("raterLinks.emailHint")}</p>
        <TextField label={t("raterLinks.validDays")} inputMode="numeric" error={form.fieldError("validDays")} className="max-w-40" {...form.register("validDays", { valueAsNumber: true })} />
        <div>
          <Button type="submit" disabled={form.busy} aria-busy={form.busy}>
            {t("raterLinks.create")}
          </Button>
        </div>
      </form>

      <section aria-labelledby={`${id}-list`} className="flex flex-col gap-2 print:hidden">
        <h2 id={`${id}-list`} className="text-base font-semibold text-slate-900">
          {t("raterLinks.manage")}
        </h2>
        {links.length === 0 ? (
          <p className="text-sm text-slate-500">{t("raterLinks.none")}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
            {links.map((l) => (
              <li key={l.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2.5 text-sm" data-testid="rater-link-row">
                <div className="min-w-0">
                  <p className="font-medium text-slate-900">
                    {l.raterName} · {t(`party.${l.party}` as never)}
                  </p>
                  <p className="text-slate-500">
                    {t(`raterLinks.states.${l.state}` as never)} · {t("raterLinks.expires")} {when(l.expiresAt)} · {t("raterLinks.createdBy")} {l.createdBy}
                    {l.email ? ` · ${l.email}` : ""}
                  </p>
                </div>
                {l.state === "open" ? (
                  <ConfirmDialog
                    trigger={
                      <Button type="button" variant="secondary">
                        {t("raterLinks.revoke")}
                      </Button>
                    }
                    title={t("raterLinks.revoke")}
                    description={t("raterLinks.revokeConfirm", { rater: l.raterName })}
                    confirmLabel={t("raterLinks.revoke")}
                    tone="danger"
                    onConfirm={() => revoke(l.id)}
                  />
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
