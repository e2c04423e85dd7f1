// A professional title in the reader's own words (issue 15): English pages said 主任医师（senior).
// The standard names of the national title system are translated in the catalogue
// (doctors.titleNames: 主任医师 → Chief physician); a name outside it is shown as recorded.
// Pure: pages and exports pass their translator of the "doctors" namespace.

/** The subset of a next-intl translator this module uses. */
export interface DoctorsTranslate {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/** A title's name in the reader's language when it is a standard one, else as recorded. */
export function titleName(t: DoctorsTranslate, name: string): string {
  const key = `titleNames.${name}`;
  return !name.includes(".") && t.has(key) ? t(key) : name;
}

/** 主任医师（正高） / Chief physician (senior): the name and the level, both in the reader's language. */
export function titleInWords(t: DoctorsTranslate, title: { name: string; level: string }): string {
  return t("titleLine", { title: titleName(t, title.name), level: t(`titleLevel.${title.level}`) });
}
