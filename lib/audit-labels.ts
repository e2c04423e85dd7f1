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


// ───────────── Rows in words: who did what to whom, every field and value ─────────────

/** The catalogue's translators: `t` at the "audit" namespace, `tAll` at the root (enums, roles). */
export interface AuditWords {
  t: Translate;
  tAll: Translate;
}

/** The records an audit row can name, by their model. */
export type NamedModel = "Application" | "Doctor" | "Post" | "Program" | "User" | "Organization" | "Dispatch" | "EligibilityRule" | "ApiToken";

const NAMED_ENTITIES = new Set<string>(["Application", "Doctor", "Post", "Program", "User", "Organization", "Dispatch", "EligibilityRule", "ApiToken"]);

/** What an id field points to (postId → Post, nominatingOrgId → Organization …), or null. */
export function idFieldModel(field: string): NamedModel | null {
  if (field === "postId") return "Post";
  if (field === "doctorId") return "Doctor";
  if (field === "programId") return "Program";
  if (field === "applicationId") return "Application";
  if (field === "dispatchId") return "Dispatch";
  if (field === "userId" || field === "actorId" || /ById$/.test(field)) return "User";
  if (field === "organizationId" || field === "employerId" || field === "bureauId" || field === "parentId" || /OrgId$/.test(field)) return "Organization";
  return null;
}

/** The model a row's own entity is, when it has a name worth resolving. */
export function entityModel(entity: string): NamedModel | null {
  return NAMED_ENTITIES.has(entity) ? (entity as NamedModel) : null;
}

/** Names resolved from the database, keyed `Model:id`. */
export type AuditNames = ReadonlyMap<string, string>;
export const nameKey = (model: NamedModel, id: string) => `${model}:${id}`;

// A field's enum, by field name; `status` and `kind` depend on the entity.
const ENUM_OF_FIELD: Record<string, string> = {
  stage: "stage",
  currentStage: "stage",
  outcome: "decisionOutcome",
  role: "roles",
  actorRole: "roles",
  sex: "doctors.sex",
  education: "doctors.education",
  titleLevel: "doctors.titleLevel",
  practisingCategory: "doctors.category",
  positionRank: "doctors.rank",
  idType: "doctors.idType",
  level: "organizations.level",
  grade: "organizations.grade",
  eligibilityVerdict: "audit.verdict",
  source: "audit.source",
  locale: "audit.locales",
  payer: "allowances.payers",
  payee: "allowances.payees",
  party: "evaluations.party",
  documents: "attachments.kind",
  waivedDocuments: "attachments.kind",
};
const ENUM_OF_STATUS: Record<string, string> = {
  Application: "applicationStatus",
  Program: "programStatus",
  Dispatch: "dispatches.status",
  LeaveRequest: "leave.status",
  WorkLog: "worklogs.status",
  AllowanceLine: "allowances.status",
  Assessment: "evaluations.status",
};
const ENUM_OF_KIND: Record<string, string> = {
  Organization: "organizations.kind",
  Program: "programKind",
  LeaveRequest: "leave.kinds",
  AllowanceItem: "allowances.kinds",
  AllowanceLine: "allowances.lineKinds",
};

function enumNamespace(entity: string, field: string): string | undefined {
  if (field === "status") return ENUM_OF_STATUS[entity];
  if (field === "kind") return ENUM_OF_KIND[entity];
  return ENUM_OF_FIELD[field];
}

/** A field's label ("currentStage" → 当前阶段); the path's last part when nested ("decision.outcome" → 决定·结果). */
export function fieldLabel(words: AuditWords, path: string): string {
  return path
    .split(".")
    .map((part) => {
      const key = `fields.${part}`;
      return /^[a-zA-Z][a-zA-Z0-9_]*$/.test(part) && words.t.has(key) ? words.t(key) : part;
    })
    .join("·");
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** 2026-03-15T02:20:00Z → 2026-03-15 10:20 (Beijing time); a calendar date (midnight UTC) → 2026-03-15. */
export function instantInWords(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  if (/T00:00:00(\.0+)?Z$/.test(value)) return value.slice(0, 10);
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(date);
  const p = (type: string) => parts.find((x) => x.type === type)?.value ?? "";
  return `${p("year")}-${p("month")}-${p("day")} ${p("hour")}:${p("minute")}`;
}

/** One value in words: enums by their catalogue, ids by the record's name, dates in Beijing time. */
export function valueInWords(words: AuditWords, entity: string, path: string, value: unknown, names: AuditNames): string {
  const field = path.split(".").pop() ?? path;
  if (value === null || value === undefined || value === "") return words.t("diff.empty");
  if (typeof value === "boolean") return words.t(value ? "diff.yes" : "diff.no");
  if (Array.isArray(value)) return value.map((v) => valueInWords(words, entity, field, v, names)).join(words.t("diff.listJoiner")) || words.t("diff.empty");
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !HIDDEN_FIELDS.has(k))
      .map(([k, v]) => words.t("diff.pair", { label: fieldLabel(words, k), value: valueInWords(words, entity, k, v, names) }))
      .join(words.t("diff.joiner"));
  }
  const text = String(value);
  const model = idFieldModel(field) ?? (field === "id" || field === "entityId" ? entityModel(entity) : null);
  if (model && names.has(nameKey(model, text))) return names.get(nameKey(model, text))!;
  const namespace = enumNamespace(entity, field);
  if (namespace && /^[A-Za-z][A-Za-z0-9_-]*$/.test(text) && words.tAll.has(`${namespace}.${text}`)) return words.tAll(`${namespace}.${text}`);
  if (typeof value === "string" && (ISO_INSTANT.test(text) || ISO_DAY.test(text))) return ISO_DAY.test(text) ? text : instantInWords(text);
  if (/Fen$/.test(field) && typeof value === "number") return words.t("diff.yuan", { amount: (value / 100).toFixed(2) });
  return text;
}

export interface AuditFieldLine {
  path: string;
  label: string;
  before?: string;
  after?: string;
  /** The raw value when the words differ from it (an id, an enum code): shown as a secondary detail. */
  beforeRaw?: string;
  afterRaw?: string;
  isChanged: boolean;
}

const MAX_DEPTH = 2;
// Internal bookkeeping an auditor does not need to read; a record's own id is shown once, as the
// row's secondary detail, not as a field.
const HIDDEN_FIELDS = new Set(["id", "passwordHash", "tokenHash", "storageKey", "contentHash"]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function flatten(value: unknown, prefix: string, depth: number, out: Map<string, unknown>): void {
  if (isPlainObject(value) && depth < MAX_DEPTH && Object.keys(value).length > 0) {
    for (const [key, v] of Object.entries(value)) if (!HIDDEN_FIELDS.has(key)) flatten(v, prefix ? `${prefix}.${key}` : key, depth + 1, out);
    return;
  }
  out.set(prefix, value);
}

const raw = (value: unknown): string | undefined =>
  value === undefined ? undefined : typeof value === "string" ? value : JSON.stringify(value);

/** Before/after as labelled lines in words; each says whether it changed. */
export function auditFieldLines(words: AuditWords, entity: string, before: unknown, after: unknown, names: AuditNames): AuditFieldLine[] {
  const b = new Map<string, unknown>();
  const a = new Map<string, unknown>();
  if (before !== null && before !== undefined) flatten(before, "", 0, b);
  if (after !== null && after !== undefined) flatten(after, "", 0, a);
  const hasBoth = b.size > 0 && a.size > 0;
  return [...new Set([...b.keys(), ...a.keys()])].map((path) => {
    const x = b.has(path) ? valueInWords(words, entity, path, b.get(path), names) : undefined;
    const y = a.has(path) ? valueInWords(words, entity, path, a.get(path), names) : undefined;
    const xr = raw(b.get(path));
    const yr = raw(a.get(path));
    return {
      path,
      label: path ? fieldLabel(words, path) : words.t("diff.value"),
      before: x,
      after: y,
      ...(xr !== undefined && xr !== x && typeof b.get(path) !== "object" ? { beforeRaw: xr } : {}),
      ...(yr !== undefined && yr !== y && typeof a.get(path) !== "object" ? { afterRaw: yr } : {}),
      // A row with only "after" (a creation, a failed login) has nothing to compare: no highlight.
      isChanged: hasBoth && xr !== yr,
    };
  });
}

/** What an audit row needs to be put in words. */
export interface AuditRowFacts {
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

function objectOf(value: unknown): Record<string, unknown> {
  return isPlainObject(value) ? value : {};
}

/** The record the row is about, in words (张三（口腔科医生·第1批）), or null when it has none. */
export function auditSubject(row: AuditRowFacts, names: AuditNames): string | null {
  const model = entityModel(row.entity);
  if (model && row.entityId) {
    const name = names.get(nameKey(model, row.entityId));
    if (name) return name;
  }
  const after = objectOf(row.after);
  if (typeof after.username === "string") return after.username;
  for (const field of ["name", "title", "displayName"]) {
    const value = after[field] ?? objectOf(row.before)[field];
    if (typeof value === "string" && value) return value;
  }
  return null;
}

/** Who did what to whom, as a sentence: 沈佳怡 将 张三（口腔科医生·第1批）在「上报名单」阶段标为通过. */
export function auditSummary(words: AuditWords, row: AuditRowFacts, names: AuditNames): string {
  const actor = row.actorName ?? words.t("unknownActor");
  const subject = auditSubject(row, names);
  const decision = objectOf(objectOf(row.after).decision);
  if ((row.action === "application.decide" || row.action === "application.correct") && typeof decision.stage === "string" && typeof decision.outcome === "string") {
    const stage = valueInWords(words, row.entity, "stage", decision.stage, names);
    const outcome = valueInWords(words, row.entity, "outcome", decision.outcome, names);
    return words.t(row.action === "application.decide" ? "summary.decide" : "summary.correct", { actor, subject: subject ?? words.t("summary.someone"), stage, outcome });
  }
  const action = actionLabel(words.t, row.action);
  return subject ? words.t("summary.withSubject", { actor, action, subject }) : words.t("summary.plain", { actor, action });
}

/** A row's before or after as one cell of text (label：value；…), for the export. */
export function auditValuesText(words: AuditWords, lines: AuditFieldLine[], side: "before" | "after"): string | null {
  const parts = lines.filter((l) => l[side] !== undefined).map((l) => words.t("diff.pair", { label: l.label, value: l[side]! }));
  return parts.length ? parts.join(words.t("diff.joiner")) : null;
}

/** How many changed fields the list names before "等" (the entry's own page lists them all). */
const CHANGES_NAMED = 3;

/**
 * An entry's data in one line of words for the list (issue 17: the list carried every entry's whole
 * before/after table): which fields changed (变更 3 项：状态、当前阶段、排名), or how many values a
 * creation or a sign-in recorded. The full table is on the entry's own page.
 */
export function auditChangeLine(words: AuditWords, fields: AuditFieldLine[]): string {
  if (fields.length === 0) return words.t("diff.none");
  const hasBefore = fields.some((l) => l.before !== undefined);
  const hasAfter = fields.some((l) => l.after !== undefined);
  if (!hasBefore) return words.t("change.recorded", { count: fields.length });
  if (!hasAfter) return words.t("change.removed", { count: fields.length });
  const changed = fields.filter((l) => l.isChanged);
  if (changed.length === 0) return words.t("change.unchanged");
  const named = changed.slice(0, CHANGES_NAMED).map((l) => l.label).join(words.t("diff.listJoiner"));
  return words.t(changed.length > CHANGES_NAMED ? "change.changedMore" : "change.changed", { count: changed.length, fields: named });
}
