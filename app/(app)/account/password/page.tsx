import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChangePasswordForm, type ChangePasswordWords } from "@/components/users/change-password-form";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { CHANGE_PASSWORD_ERROR_KEYS } from "@/lib/schemas/users";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("passwordTitle") };
}

// Every signed-in user may change their own password; a user whose password an administrator set
// is sent here by requireUser() and may do nothing else until they have.
export default async function ChangePasswordPage() {
  const user = await requireUser({ passwordChangePending: "allow" });
  const [t, tErrors, tCommon] = await Promise.all([getTranslations("account"), getTranslations("users.errors"), getTranslations("errors")]);
  const words: ChangePasswordWords = {
    currentPassword: t("currentPassword"),
    newPassword: t("newPassword"),
    confirmPassword: t("confirmPassword"),
    submit: t("submit"),
    submitting: t("submitting"),
    fields: Object.fromEntries(CHANGE_PASSWORD_ERROR_KEYS.map((key) => [key, tErrors(key)])) as ChangePasswordWords["fields"],
    form: { generic: tCommon("generic"), forbidden: tCommon("forbidden"), notFound: tCommon("notFound"), validation: tCommon("validation") },
  };
  const rules = ["length", "classes", "username", "common", "current"] as const;
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{t("passwordTitle")}</h1>
        {user.mustChangePassword ? (
          <p role="status" className="mt-3 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
            {t("passwordForced")}
          </p>
        ) : (
          <p className="mt-1 text-sm text-slate-600">{t("passwordVoluntary")}</p>
        )}
      </div>
      <div className="grid gap-6 md:grid-cols-[minmax(0,1.3fr)_minmax(0,1fr)]">
        <Card>
          <ChangePasswordForm username={user.username} words={words} />
        </Card>
        <section aria-labelledby="password-rules" className="order-first rounded-lg md:order-none border border-slate-200 bg-slate-50 p-5 text-sm text-slate-700">
          <h2 id="password-rules" className="font-semibold text-slate-800">
            {t("rulesTitle")}
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {rules.map((r) => (
              <li key={r}>{t(`rules.${r}`)}</li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
