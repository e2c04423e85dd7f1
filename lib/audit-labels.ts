import type { Role } from "./generated/prisma/enums";

// The audit log's codes in words (actions, their families, entities, roles), for the page, its
// filters and the export alike. Pure: the components render them; lib/server/audit-log.ts uses
// them for the export's cells.

/** The subset of a next-intl translator (getTranslations / createTranslator) this module uses. */
export interface Translate {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

const KEY_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/i;

/** The catalogue's words for a known action ("auth.login_failed" → 登录失败), else the raw action. */
export function actionLabel(t: Translate, action: string): string {
  const key = `actions.${action}`;
  return KEY_PATTERN.test(action) && t.has(key) ? t(key) : action;
}

/** "auth.*" → 全部认证事件; a known family's words, else the raw prefix. */
export function actionFamilyLabel(t: Translate, family: string): string {
  const key = `families.${family}`;
  return KEY_PATTERN.test(family) && t.has(key) ? t("allOfFamily", { family: t(key) }) : `${family}.*`;
}

export function entityLabel(t: Translate, entity: string): string {
  const key = `entities.${entity}`;
  return KEY_PATTERN.test(entity) && t.has(key) ? t(key) : entity;
}

export function roleLabel(tRoles: Translate, role: Role | null): string {
  return role && tRoles.has(role) ? tRoles(role) : "";
}

