// The inputs and outputs of the eligibility engine. Plain data: the server builds DoctorFacts from
// the registry (lib/server/eligibility.ts), tests build them by hand.
import type { educationLevels, organizationLevels, positionRanks, practisingCategories, RuleLeafKind, titleLevels } from "@/lib/schemas/eligibility";
import type { DateInput } from "./calendar";

export type EducationLevel = (typeof educationLevels)[number];
export type TitleLevel = (typeof titleLevels)[number];
export type PositionRank = (typeof positionRanks)[number];
export type OrganizationLevel = (typeof organizationLevels)[number];
export type PractisingCategory = (typeof practisingCategories)[number];

/** What the rules read about a doctor. Any field may be null or missing: the leaf then gives UNKNOWN. */
export interface DoctorFacts {
  birthDate?: DateInput | null;
  education?: EducationLevel | null;
  specialty?: string | null;
  practisingCategory?: PractisingCategory | null;
  /** Title history; an empty list means none recorded (UNKNOWN), as for null. */
  titles?: { level: TitleLevel; specialty?: string | null; obtainedOn: DateInput }[] | null;
  positionRank?: PositionRank | null;
  employerLevel?: OrganizationLevel | null;
  hireDate?: DateInput | null;
  /** Grassroots service records; an empty list means "none on record" (a fact, not a gap). */
  grassrootsServices?: { startDate: DateInput; endDate?: DateInput | null; isFullTime: boolean }[] | null;
  /** Conditions the doctor or the unit has declared, as written in the rules' `attested` leaves. */
  attestations?: string[] | null;
}

export type Verdict = "ELIGIBLE" | "INELIGIBLE" | "UNKNOWN";

/** A message key of the "eligibility" catalogue (under "explain.") with its values. */
export interface Explanation {
  key: string;
  values: Record<string, string | number>;
}

export type NodeResult =
  | { op: "ALL" | "ANY"; verdict: Verdict; children: NodeResult[] }
  | { op: "NOT"; verdict: Verdict; children: [NodeResult] }
  | { op: "leaf"; kind: RuleLeafKind; verdict: Verdict; children: []; explanation: Explanation };

export type LeafResult = Extract<NodeResult, { op: "leaf" }>;

export interface Evaluation {
  verdict: Verdict;
  root: NodeResult;
}
