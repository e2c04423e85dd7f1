import "server-only";
import { audit } from "../audit";
import type { SessionUser } from "../auth/session";
import { prisma } from "../db";
import type { Locale } from "../i18n/config";
import { runTx } from "./kit";

/** Saves the user's language; a user may always change their own preference. */
export async function saveLocale(user: SessionUser, locale: Locale): Promise<void> {
  if (user.locale === locale) return;
  await runTx(prisma, async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { locale } });
    await audit(tx, {
      actor: user,
      action: "user.locale_changed",
      entity: "User",
      entityId: user.id,
      before: { locale: user.locale },
      after: { locale },
    });
  });
}
