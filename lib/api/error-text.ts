import "server-only";
import { createTranslator } from "next-intl";
import { defaultLocale, timeZone, type Locale } from "../i18n/config";
import { loadMessages } from "../i18n/messages";
import { missingInWords } from "../domain/required-documents";

// The words of an /api/v1 error, in the caller's language (Accept-Language; zh-CN unless English is
// asked for first): the use cases throw catalogue keys (programClosed, capExceeded, nameRequired),
// which the UI translates through the area's "errors" namespace; the API looks them up the same way,
// in the areas below in order, and falls back to the generic sentence of the error's code.

const AREAS = [
  "applications.errors",
  "vetting.errors",
  "programsAdmin.errors",
  "rules.errors",
  "doctors.errors",
  "organizations.errors",
  "users.errors",
  "attachments.errors",
  "apiTokens.errors",
  "audit.errors",
  "doctors.import.errors",
  "evaluations.errors",
  "dispatches.errors",
  "notice.errors",
  "leave.errors",
  "worklogs.errors",
  "handover.errors",
  "allowances.errors",
  "errors",
];

/** The areas a path speaks for come first: a key such as notFound reads as the area's own sentence. */
const AREAS_OF_PATH: [RegExp, string[]][] = [
  [/^\/api\/v1\/(applications|decisions)\b.*\/attachments\b/, ["attachments.errors"]],
  [/^\/api\/v1\/attachments\b/, ["attachments.errors"]],
  [/^\/api\/v1\/leave\/[^/]+\/attachments\b/, ["attachments.errors", "leave.errors"]],
  [/^\/api\/v1\/(applications|decisions)\b/, ["applications.errors", "vetting.errors"]],
  [/^\/api\/v1\/programs\/[^/]+\/(vetting|reopenings|ranking)/, ["vetting.errors", "applications.errors"]],
  [/^\/api\/v1\/posts\/[^/]+\/ranking/, ["applications.errors", "vetting.errors"]],
  [/^\/api\/v1\/programs\/[^/]+\/rules/, ["rules.errors"]],
  [/^\/api\/v1\/programs\/[^/]+\/(notice|objections|list-versions)\b/, ["notice.errors", "vetting.errors", "dispatches.errors"]],
  [/^\/api\/v1\/(programs|posts)\b/, ["programsAdmin.errors"]],
  [/^\/api\/v1\/doctors\/import\b/, ["doctors.import.errors", "doctors.errors"]],
  [/^\/api\/v1\/doctors\b/, ["doctors.errors"]],
  [/^\/api\/v1\/organizations\b/, ["organizations.errors"]],
  [/^\/api\/v1\/audit\b/, ["audit.errors"]],
  [/^\/api\/v1\/(assessments|assessment-subjects|evaluation-schemes|rate|service-evaluations)\b/, ["evaluations.errors"]],
  [/^\/api\/v1\/dispatches\/[^/]+\/(leave|attendance|service-clock)\b/, ["leave.errors", "dispatches.errors"]],
  [/^\/api\/v1\/(leave|attendance)\b/, ["leave.errors", "dispatches.errors"]],
  [/^\/api\/v1\/dispatches\/[^/]+\/handover\b/, ["handover.errors", "dispatches.errors"]],
  [/^\/api\/v1\/dispatches\/[^/]+\/(work-logs|mentoring-pairs)\b/, ["worklogs.errors", "dispatches.errors"]],
  [/^\/api\/v1\/(work-logs|mentoring-pairs|workload)\b/, ["worklogs.errors", "dispatches.errors"]],
  [/^\/api\/v1\/allowances\b/, ["allowances.errors"]],
  [/^\/api\/v1\/(users\/[^/]+\/api-tokens|api-tokens)\b/, ["apiTokens.errors", "users.errors"]],
  [/^\/api\/v1\/(users|me)\b/, ["users.errors"]],
  [/^\/api\/v1\/(dispatches|programs\/[^/]+\/dispatch-candidates)\b/, ["dispatches.errors"]],
];

function areasFor(pathname: string | undefined): string[] {
  const first = AREAS_OF_PATH.find(([pattern]) => pathname !== undefined && pattern.test(pathname))?.[1] ?? [];
  return [...first, ...AREAS.filter((a) => !first.includes(a))];
}

/** Details that are instants are shown as Beijing time, as in the UI. */
const INSTANTS = new Set(["closesAt", "opensAt", "date", "until", "at"]);

/** The first supported language of an Accept-Language header, by quality; zh-CN when none is. */
export function localeOfAcceptLanguage(header: string | null): Locale {
  if (!header) return defaultLocale;
  const ranges = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranges) {
    if (tag === "en" || tag.startsWith("en-")) return "en";
    if (tag === "zh" || tag.startsWith("zh-")) return "zh-CN";
  }
  return defaultLocale;
}

type Lookup = (key: string, values?: Record<string, string>) => string | null;

async function lookupFor(locale: Locale, pathname?: string): Promise<Lookup> {
  const areas = areasFor(pathname);
  const messages = await loadMessages(locale);
  const t = createTranslator({ locale, messages, timeZone, onError: () => undefined });
  const formatter = new Intl.DateTimeFormat(locale, { timeZone, year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false });
  const fieldName = (field: string) => {
    for (const area of areas) {
      const path = `${area}.fieldNames.${field}` as never;
      if (t.has(path)) return t(path);
    }
    return field;
  };
  return (key, values = {}) => {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(key)) return null;
    const formatted: Record<string, string> = {};
    for (const [name, value] of Object.entries(values)) {
      const date = INSTANTS.has(name) ? new Date(value) : null;
      formatted[name] = date && !Number.isNaN(date.getTime()) ? formatter.format(date) : value;
    }
    // `fields` (a stale edit's changed fields, comma-separated): each in words, from the area's fieldNames.
    if (values.fields !== undefined) formatted.fields = values.fields.split(",").filter(Boolean).map(fieldName).join(locale === "en" ? ", " : "、") || "—";
    // `documents` (a pass refused for missing documents, issue 15): each doctor with the documents in words.
    if (values.documents !== undefined) formatted.documents = missingInWords(values.documents, (kind) => (t.has(`attachments.kind.${kind}` as never) ? t(`attachments.kind.${kind}` as never) : kind), locale);
    for (const area of areas) {
      const path = `${area}.${key}` as never;
      if (!t.has(path)) continue;
      try {
        return t(path, formatted as never);
      } catch {
        continue;
      }
    }
    return null;
  };
}

export interface ApiErrorBody {
  code: string;
  /** The catalogue key of the refusal (capExceeded, programClosed); the code when there is none. */
  key: string;
  /** The refusal in words, in the caller's language. */
  message: string;
  /** Per dotted field path, the problems in words. */
  fieldErrors?: Record<string, string[]>;
  /** The same problems as catalogue keys, for programs that react to them. */
  fieldErrorKeys?: Record<string, string[]>;
  details?: Record<string, string>;
}

/** An error's body in `locale`: the key and field keys translated, the generic sentence of `code` when a key is not in the catalogues. */
export async function apiErrorBody(
  locale: Locale,
  pathname: string | undefined,
  error: { code: string; key?: string; fieldErrors?: Record<string, string[]>; details?: Record<string, string> },
): Promise<ApiErrorBody> {
  const lookup = await lookupFor(locale, pathname);
  const key = error.key ?? error.code;
  // A form's refusal as a whole ("invalid" with field errors) reads as "correct the fields shown".
  const sentenceKey = error.fieldErrors && (key === "invalid" || key === "validation") ? "validation" : key;
  const message = lookup(sentenceKey, error.details) ?? lookup(error.code, error.details) ?? (/\s/.test(key) ? key : lookup("generic")!);
  const body: ApiErrorBody = { code: error.code, key, message };
  if (error.fieldErrors) {
    const invalid = lookup("invalid")!;
    body.fieldErrors = Object.fromEntries(Object.entries(error.fieldErrors).map(([field, keys]) => [field, keys.map((k) => lookup(k, error.details) ?? invalid)]));
    body.fieldErrorKeys = error.fieldErrors;
  }
  if (error.details) body.details = error.details;
  return body;
}
