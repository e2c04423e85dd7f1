import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { ScoreForm } from "@/components/evaluations/score-form";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { prisma } from "@/lib/db";
import { DEFAULT_BANDS } from "@/lib/domain/scoring";
import { isAppError } from "@/lib/errors";
import { clientAddress } from "@/lib/server/client-address";
import { raterLinkForm, type RaterForm } from "@/lib/server/rater-links";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("evaluations.rate");
  return { title: t("title"), robots: { index: false, follow: false }, referrer: "no-referrer" };
}

// A rater without an account (a mentee, the receiving unit's staff) opens the single-use link: only
// that doctor's sheet for that party, outside the signed-in shell; no session is read. The token is
// the credential, checked by lib/server/rater-links.ts (unknown — counted per address —, used,
// revoked, expired: each refused in words).
export default async function RatePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, te, format] = await Promise.all([getTranslations("evaluations.rate"), getTranslations("evaluations"), getFormatter()]);
  let form: RaterForm | null = null;
  let refusal: string | null = null;
  try {
    form = await raterLinkForm(prisma, token, clientAddress(await headers()));
  } catch (error) {
    if (!isAppError(error)) throw error;
    const key = `errors.${error.message}`;
    refusal = te.has(key as never) ? te(key as never, (error.details ?? {}) as never) : te("errors.notFound");
  }
  const partyLabel = form ? te(`party.${form.party}` as never) : "";
  return (
    <main className="mx-auto flex min-h-screen w-full max-w-xl flex-col gap-4 px-4 py-6">
      <div className="flex items-start justify-between gap-3">
        <h1 className="text-xl font-semibold text-slate-900">{t("title")}</h1>
        <LocaleSwitch signedIn={false} />
      </div>
      {form ? (
        <>
          <div className="flex flex-col gap-1 text-sm text-slate-700">
            <p>{t("intro", { rater: form.raterName, party: partyLabel, doctor: form.doctorName, receivingOrg: form.receivingOrg, year: form.year })}</p>
            <p className="text-slate-500">{t("program", { program: form.programName })}</p>
            <p className="text-slate-500">{t("expires", { expiresAt: format.dateTime(form.expiresAt, { dateStyle: "long", timeStyle: "short" }) })}</p>
          </div>
          <section className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <ScoreForm
              subjectId=""
              doctorName={form.doctorName}
              party={form.party}
              partyLabel={partyLabel}
              weight={0}
              aspects={form.aspects}
              bands={[...DEFAULT_BANDS]}
              draft={null}
              parties={[{ party: form.party, weight: 100, sum: null }]}
              token={token}
              doneText={t("done")}
              confirmText={t("submitConfirm", { doctor: form.doctorName })}
            />
          </section>
        </>
      ) : (
        <section role="alert" className="rounded-xl border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900">
          <h2 className="font-semibold">{t("refused")}</h2>
          <p className="mt-1">{refusal}</p>
        </section>
      )}
    </main>
  );
}
