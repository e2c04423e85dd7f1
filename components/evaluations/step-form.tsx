"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import type { ErrorTranslator } from "@/lib/forms/feedback";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormMessages } from "@/components/ui/form-messages";
import {
  answerServiceObjectionAction,
  fileServiceObjectionAction,
  issueServiceResultAction,
  openServiceEvaluationAction,
  saveServiceSectionAction,
  startServiceNoticeAction,
} from "@/lib/actions/service-evaluations";
import { fieldErrorsOf, fieldText, serverErrorText } from "@/lib/forms/feedback";
import { numberFromInput } from "@/lib/forms/number-input";

export interface StepField {
  /** Dotted path in the input ("workload.outpatients", "virtues.morality"). */
  name: string;
  label: string;
  kind: "text" | "textarea" | "date" | "count" | "select";
  initial?: string | number | null;
  options?: { value: string; label: string }[];
}

const ACTIONS = {
  open: openServiceEvaluationAction,
  section: saveServiceSectionAction,
  notice: startServiceNoticeAction,
  objection: fileServiceObjectionAction,
  answer: answerServiceObjectionAction,
  issue: issueServiceResultAction,
} as const;

function setPath(target: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
}

/**
 * One step of the end-of-service form (a part, the notice, an objection, its answer, the result): its
 * fields, field errors under each, the refusal in words; asked first when `confirm` is given. A part's
 * values go under `part` with its section.
 */
export function StepForm({ step, dispatchId, fields, fixed, section, submitLabel, confirm }: { step: keyof typeof ACTIONS; dispatchId: string; fields: StepField[]; fixed?: Record<string, string>; section?: string; submitLabel: string; confirm?: string }) {
  const t = useTranslations("evaluations");
  const te = t as unknown as ErrorTranslator;
  const router = useRouter();
  const id = useId();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(fields.map((f) => [f.name, f.initial === null || f.initial === undefined ? "" : String(f.initial)])));
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});
  const [busy, setBusy] = useState(false);

  async function submit() {
    setMessage({});
    setErrors({});
    setBusy(true);
    try {
      const body: Record<string, unknown> = {};
      for (const f of fields) setPath(body, f.name, values[f.name] === "" && f.kind === "date" ? null : f.kind === "count" ? numberFromInput(values[f.name]) : values[f.name]);
      const input = section ? { dispatchId, ...fixed, part: { section, ...body } } : { dispatchId, ...fixed, ...body };
      const result = await (ACTIONS[step] as (input: unknown) => Promise<{ data?: unknown; serverError?: never; validationErrors?: unknown } | undefined>)(input);
      if (result?.data) {
        setMessage({ success: t("service.saved") });
        router.refresh();
        return;
      }
      const found = fieldErrorsOf(result as never);
      const mapped = Object.fromEntries(Object.entries(found).map(([path, key]) => [path.replace(/^part\./, ""), fieldText(te, key)]));
      setErrors(mapped);
      setMessage({ error: Object.keys(found).length ? (Object.values(mapped)[0] ?? t("errors.validation")) : serverErrorText(te, (result as { serverError?: never } | undefined)?.serverError) });
    } catch {
      setMessage({ error: t("errors.generic") });
    } finally {
      setBusy(false);
    }
  }

  const button = (
    <Button type={confirm ? "button" : "submit"} disabled={busy}>
      {submitLabel}
    </Button>
  );
  return (
    <form
      noValidate
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        if (!confirm) void submit();
      }}
    >
      <FormMessages error={message.error} success={message.success} />
      <div className="grid gap-3 sm:grid-cols-2">
        {fields.map((f) => {
          const fieldId = `${id}-${f.name}`;
          const err = errors[f.name];
          const common = {
            id: fieldId,
            value: values[f.name] ?? "",
            "aria-invalid": err ? true : undefined,
            "aria-describedby": err ? `${fieldId}-error` : undefined,
            className: "w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100",
          };
          const change = (e: { target: { value: string } }) => setValues((v) => ({ ...v, [f.name]: e.target.value }));
          return (
            <div key={f.name} className={f.kind === "textarea" ? "flex flex-col gap-1 sm:col-span-2" : "flex flex-col gap-1"}>
              <label htmlFor={fieldId} className="text-sm font-medium text-slate-700">
                {f.label}
              </label>
              {f.kind === "textarea" ? (
                <textarea {...common} rows={4} maxLength={5000} onChange={change} />
              ) : f.kind === "select" ? (
                <select {...common} onChange={change}>
                  <option value="">—</option>
                  {f.options?.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input {...common} type={f.kind === "date" ? "date" : "text"} inputMode={f.kind === "count" ? "numeric" : undefined} maxLength={f.kind === "text" ? 500 : undefined} onChange={change} />
              )}
              {err ? (
                <p id={`${fieldId}-error`} className="text-sm text-red-600">
                  {err}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
      <div>{confirm ? <ConfirmDialog trigger={button} title={submitLabel} description={confirm} confirmLabel={submitLabel} tone="primary" onConfirm={submit} /> : button}</div>
    </form>
  );
}
