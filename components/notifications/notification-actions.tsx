"use client";

import { Check, CheckCheck } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { markAllNotificationsReadAction, markNotificationReadAction } from "@/lib/actions/notifications";
import { Button } from "@/components/ui/button";
import { FormMessages } from "@/components/ui/form-messages";

type ServerError = { code?: string } | undefined;

function useErrorText() {
  const t = useTranslations("notifications.inbox");
  return (error: ServerError) => (error?.code === "notFound" ? t("notFound") : t("error"));
}

/** "Open" leads to the notification's page; an unread one is marked read on the way. */
export function OpenNotificationLink({ id, href, unread }: { id: string; href: string; unread: boolean }) {
  const t = useTranslations("notifications.inbox");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <Link
      href={href}
      aria-busy={busy}
      className="text-sm font-medium text-brand-700 hover:underline"
      onClick={async (event) => {
        if (!unread || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        setBusy(true);
        try {
          await markNotificationReadAction({ id });
        } finally {
          router.push(href);
        }
      }}
    >
      {t("open")}
    </Link>
  );
}

export function MarkReadButton({ id, title }: { id: string; title: string }) {
  const t = useTranslations("notifications.inbox");
  const errorText = useErrorText();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <button
        type="button"
        disabled={busy}
        aria-busy={busy}
        aria-label={t("markReadOf", { title })}
        className="inline-flex items-center gap-1 text-sm text-slate-600 hover:text-slate-900 hover:underline disabled:opacity-60"
        onClick={async () => {
          setBusy(true);
          setError(null);
          const result = await markNotificationReadAction({ id });
          setBusy(false);
          if (result?.data) router.refresh();
          else setError(errorText(result?.serverError));
        }}
      >
        <Check aria-hidden className="h-4 w-4" />
        {t("markRead")}
      </button>
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}

export function MarkAllReadButton({ disabled }: { disabled: boolean }) {
  const t = useTranslations("notifications.inbox");
  const errorText = useErrorText();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  return (
    <div className="flex flex-col items-start gap-1 sm:items-end">
      <Button
        type="button"
        variant="secondary"
        disabled={disabled || busy}
        aria-busy={busy}
        onClick={async () => {
          setBusy(true);
          setMessage(null);
          const result = await markAllNotificationsReadAction();
          setBusy(false);
          if (result?.data) {
            setMessage({ tone: "ok", text: t("markAllDone", { count: result.data.count }) });
            router.refresh();
          } else setMessage({ tone: "error", text: errorText(result?.serverError) });
        }}
      >
        <CheckCheck aria-hidden className="h-4 w-4" />
        {t("markAllRead")}
      </Button>
      <FormMessages error={message?.tone === "error" ? message.text : null} success={message?.tone === "ok" ? message.text : null} />
    </div>
  );
}
