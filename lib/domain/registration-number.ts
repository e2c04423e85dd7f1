// The human registration number of an application (报名编号), e.g. 2013-援疆-001: the programme's
// year, its short name, and the application's place in the programme's order of creation, zero-padded
// to three digits (more once past 999). The sequence is handed out by the programme's counter
// (lib/server/registration-numbers.ts); this module only says how the number reads. Pure: no I/O.
import type { ProgramKind } from "../generated/prisma/enums";

/**
 * Words that name a programme better than its kind, in the order they are looked for in its name
 * (援疆 before 援藏: a name holds one of them). The migration that numbered the existing rows
 * (20261205020000_registration_numbers) used the same list.
 */
export const SHORT_NAME_WORDS = ["援疆", "援藏", "援青", "援外", "县聘乡用", "对口支援"] as const;

/** A programme kind's short name, when its name holds none of the words above. */
export const KIND_SHORT_NAMES: Record<ProgramKind, string> = {
  LONG_TERM_AID: "援派",
  COUNTY_HIRE_TOWNSHIP_USE: "县聘乡用",
  COUNTERPART_SUPPORT: "对口支援",
  OTHER: "项目",
};

/** 绍兴市第八批援疆医生选派 → 援疆; a name without a known word → its kind's short name. */
export function programShortName(name: string, kind: ProgramKind): string {
  return SHORT_NAME_WORDS.find((word) => name.includes(word)) ?? KIND_SHORT_NAMES[kind];
}

/** 2013, 援疆, 1 → 2013-援疆-001. */
export function registrationNumber(program: { year: number; name: string; kind: ProgramKind }, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new Error(`bad registration sequence ${sequence}`);
  return `${program.year}-${programShortName(program.name, program.kind)}-${String(sequence).padStart(3, "0")}`;
}
