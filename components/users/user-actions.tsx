"use client";

import { KeyRound, LockOpen, UserCheck, UserX } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deactivateUserAction, reactivateUserAction, resetUserPasswordAction, unlockUserAction } from "@/lib/actions/users";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { UserStatus } from "@/lib/schemas/users";
import { errorCodeKey, readActionResult } from "@/lib/forms/feedback";
import { OneTimePassword } from "./one-time-password";

const buttonClass = "inline-flex items-center gap-1.5 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50";

/** Reset password, unlock, deactivate / reactivate: each asks first, then shows what happened. */
export function UserActions({ user, isSelf }: { user: { id: string; username: string; displayName: string; status: UserStatus }; isSelf: boolean }) {
  const t = useTranslations("users");
  const tCommon = useTranslations();
  const router = useRouter();
  const [password, setPassword] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const name = user.displayName;

  async function run(action: () => Promise<Parameters<typeof readActionResult>[0]>, doneKey?: "actions.deactivated" | "actions.reactivated" | "actions.unlocked") {
    setMessage(null);
    const result = await action();
    const feedback = readActionResult(result);
    if (feedback.ok) {
      if (doneKey) setMessage({ ok: true, text: t(doneKey) });
      router.refresh();
      return result;
    }
    const key = feedback.formErrorKey ?? Object.values(feedback.fieldErrors)[0]?.[0];
    setMessage({ ok: false, text: key ? t(`errors.${key}` as "errors.required") : tCommon(errorCodeKey(feedback.errorCode)) });
    return null;
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap gap-2">
        <ConfirmDialog
          tone="primary"
          trigger={
            <button type="button" className={buttonClass}>
              <KeyRound aria-hidden className="h-4 w-4" />
              {t("actions.resetPassword")}
            </button>
          }
          title={t("actions.resetTitle", { name })}
          description={t("actions.resetDescription")}
          confirmLabel={t("actions.resetPassword")}
          onConfirm={async () => {
            setPassword(null);
            const result = await run(() => resetUserPasswordAction({ id: user.id }));
            const data = (result as { data?: { password: string } } | null)?.data;
            if (data) setPassword(data.password);
          }}
        />
        {user.status === "locked" ? (
          <ConfirmDialog
            tone="primary"
            trigger={
              <button type="button" className={buttonClass}>
                <LockOpen aria-hidden className="h-4 w-4" />
                {t("actions.unlock")}
              </button>
            }
            title={t("actions.unlockTitle", { name })}
            description={t("actions.unlockDescription")}
            confirmLabel={t("actions.unlock")}
            onConfirm={async () => void (await run(() => unlockUserAction({ id: user.id }), "actions.unlocked"))}
          />
        ) : null}
        {user.status === "inactive" ? (
          <ConfirmDialog
            tone="primary"
            trigger={
              <button type="button" className={buttonClass}>
                <UserCheck aria-hidden className="h-4 w-4" />
                {t("actions.reactivate")}
              </button>
            }
            title={t("actions.reactivateTitle", { name })}
            description={t("actions.reactivateDescription")}
            confirmLabel={t("actions.reactivate")}
            onConfirm={async () => void (await run(() => reactivateUserAction({ id: user.id }), "actions.reactivated"))}
          />
        ) : isSelf ? null : (
          <ConfirmDialog
            trigger={
              <button type="button" className={`${buttonClass} text-red-700`}>
                <UserX aria-hidden className="h-4 w-4" />
                {t("actions.deactivate")}
              </button>
            }
            title={t("actions.deactivateTitle", { name })}
            description={t("actions.deactivateDescription")}
            confirmLabel={t("actions.deactivate")}
            onConfirm={async () => void (await run(() => deactivateUserAction({ id: user.id }), "actions.deactivated"))}
          />
        )}
      </div>
      <p role={message?.ok ? "status" : "alert"} className={message?.ok ? "text-sm text-emerald-700" : "text-sm text-red-700"}>
        {message?.text}
      </p>
      {password ? (
        <OneTimePassword title={t("oneTime.resetTitle", { username: user.username })} password={password}>
          <button type="button" onClick={() => setPassword(null)} className={buttonClass}>
            {t("oneTime.done")}
          </button>
        </OneTimePassword>
      ) : null}
    </div>
  );
}
