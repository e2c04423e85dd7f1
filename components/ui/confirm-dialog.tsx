"use client";

import * as AlertDialog from "@radix-ui/react-alert-dialog";
import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";

/**
 * Asks before a destructive or weighty act (deactivate, reset a password…). Radix's AlertDialog
 * traps focus, restores it, and is announced as an alert dialog. Opened by its `trigger`, or, for a
 * form that asks only when its values call for it, held open by the form (`open` and `onOpenChange`).
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  confirmLabel,
  tone = "danger",
  onConfirm,
  alternative,
  open: held,
  onOpenChange,
}: {
  trigger?: ReactNode;
  title: string;
  description: ReactNode;
  confirmLabel: string;
  tone?: "danger" | "primary";
  onConfirm: () => Promise<void> | void;
  /** A second way forward beside the main one (e.g. "open with the dates as they are"), shown as a plain button. */
  alternative?: { label: string; onConfirm: () => Promise<void> | void };
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
}) {
  const t = useTranslations("list");
  const [busy, setBusy] = useState(false);
  const [own, setOwn] = useState(false);
  const open = held ?? own;
  const setOpen = (next: boolean) => (onOpenChange ? onOpenChange(next) : setOwn(next));
  async function run(action: () => Promise<void> | void) {
    setBusy(true);
    try {
      await action();
      setOpen(false);
    } finally {
      setBusy(false);
    }
  }
  return (
    <AlertDialog.Root open={open} onOpenChange={setOpen}>
      {trigger ? <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger> : null}
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 bg-slate-900/40" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 w-[min(28rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 rounded-lg bg-white p-6 shadow-xl">
          <AlertDialog.Title className="text-lg font-semibold text-slate-900">{title}</AlertDialog.Title>
          <AlertDialog.Description className="mt-2 text-sm text-slate-600">{description}</AlertDialog.Description>
          <div className="mt-6 flex flex-wrap justify-end gap-2">
            <AlertDialog.Cancel className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-50">{t("cancel")}</AlertDialog.Cancel>
            {alternative ? (
              <button type="button" disabled={busy} onClick={() => run(alternative.onConfirm)} className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-60">
                {alternative.label}
              </button>
            ) : null}
            <button
              type="button"
              disabled={busy}
              aria-busy={busy}
              onClick={() => run(onConfirm)}
              className={tone === "danger" ? "rounded-md bg-red-600 px-4 py-2 text-sm font-medium text-white hover:bg-red-700 disabled:opacity-60" : "rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60"}
            >
              {confirmLabel}
            </button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
