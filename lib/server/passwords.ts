import "server-only";
import { randomInt } from "node:crypto";
import { audit } from "../audit";
import { afterFailedLogin, isLocked } from "../auth/lockout";
import { hashPassword, verifyPassword } from "../auth/password";
import type { Scope } from "../auth/policy";
import { isAcceptablePassword, passwordProblems } from "../domain/password-policy";
import { AppError } from "../errors";
import type { PrismaClient } from "../generated/prisma/client";
import { changePasswordSchema } from "../schemas/users";
import { parse, runTx } from "./kit";

// Passwords: generating the initial and reset ones, and the user's own change.

const LOWER = "abcdefghijkmnpqrstuvwxyz"; // no l, o: they read as 1 and 0
const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ"; // no I, O
const DIGITS = "23456789"; // no 0, 1
const SYMBOLS = "!@#$%*-_=+?";
export const GENERATED_PASSWORD_LENGTH = 14;

function pick(chars: string): string {
  return chars[randomInt(chars.length)]!;
}

/**
 * A password for an administrator to hand over once: 14 characters from a cryptographic source,
 * every class present, no look-alike characters, and acceptable to the password policy.
 */
export function generatePassword(username?: string): string {
  const all = LOWER + UPPER + DIGITS + SYMBOLS;
  for (;;) {
    const chars = [pick(LOWER), pick(UPPER), pick(DIGITS), pick(SYMBOLS)];
    while (chars.length < GENERATED_PASSWORD_LENGTH) chars.push(pick(all));
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j]!, chars[i]!];
    }
    const password = chars.join("");
    if (isAcceptablePassword(password, { username })) return password;
  }
}

/**
 * The signed-in user changes their own password (forced after an administrator set it, or by choice).
 * A wrong current password counts as a failed sign-in, so the form cannot be used to guess it.
 */
export async function changeOwnPassword(db: PrismaClient, scope: Scope, input: unknown, now: Date = new Date()): Promise<{ passwordChangedAt: Date }> {
  const data = parse(changePasswordSchema, input);
  const user = await db.user.findUnique({ where: { id: scope.user.id } });
  if (!user || !user.isActive) throw new AppError("unauthenticated");
  const actor = { id: user.id, displayName: user.displayName, role: user.role, organizationId: user.organizationId };

  if (isLocked(user.lockedUntil, now)) throw new AppError("validation", undefined, { currentPassword: ["accountLocked"] });
  if (!(await verifyPassword(data.currentPassword, user.passwordHash))) {
    const next = afterFailedLogin(user.failedLoginCount, now);
    await runTx(db, async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: next });
      await audit(tx, { actor, action: "user.password_change_failed", entity: "User", entityId: user.id, after: { failedLoginCount: next.failedLoginCount } });
      if (next.lockedUntil) await audit(tx, { actor, action: "auth.lockout", entity: "User", entityId: user.id, after: { lockedUntil: next.lockedUntil } });
    });
    throw new AppError("validation", undefined, { currentPassword: [next.lockedUntil ? "accountLocked" : "currentPasswordWrong"] });
  }
  // The schema cannot know the user name; the policy is asked again with it.
  const problems = passwordProblems(data.newPassword, { username: user.username, currentPassword: data.currentPassword });
  if (problems.length) throw new AppError("validation", undefined, { newPassword: problems });

  const passwordHash = await hashPassword(data.newPassword);
  await runTx(db, async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: now, failedLoginCount: 0, lockedUntil: null },
    });
    await audit(tx, {
      actor,
      action: "user.password_changed",
      entity: "User",
      entityId: user.id,
      before: { mustChangePassword: user.mustChangePassword },
      after: { mustChangePassword: false, passwordChangedAt: now },
    });
  });
  return { passwordChangedAt: now };
}
