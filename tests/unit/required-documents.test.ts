// The documents a stage requires (lib/domain/required-documents.ts): what passing a stage needs
// (its own and every earlier stage's), what is missing, and the refusal's detail that names them.
import { describe, expect, it } from "vitest";
import type { StageKind } from "@/lib/generated/prisma/enums";
import { checklistByStage, decodeMissing, encodeMissing, missingDocuments, missingInWords, requiredToPass, type StageRequirement } from "@/lib/domain/required-documents";

const ORDER: StageKind[] = ["REGISTRATION", "PRELIMINARY_REVIEW", "PHYSICAL_EXAM", "INSPECTION_SHORTLIST", "INSPECTION", "REPORT_LIST", "APPROVAL"];
const SEED_000: StageRequirement[] = [
  { stage: "REGISTRATION", kind: "FAMILY_CONSENT" },
  { stage: "REGISTRATION", kind: "APPLICATION_LETTER" },
  { stage: "PRELIMINARY_REVIEW", kind: "REGISTRATION_FORM" },
  { stage: "PHYSICAL_EXAM", kind: "PHYSICAL_EXAM" },
  { stage: "INSPECTION", kind: "INSPECTION_MATERIAL" },
];

describe("requiredToPass", () => {
  it("registration's documents are needed from the preliminary review on, with the stage's own", () => {
    expect(requiredToPass(ORDER, SEED_000, "PRELIMINARY_REVIEW")).toEqual(["APPLICATION_LETTER", "FAMILY_CONSENT", "REGISTRATION_FORM"]);
  });

  it("a later stage needs everything before it; a stage without its own needs the earlier ones", () => {
    expect(requiredToPass(ORDER, SEED_000, "INSPECTION_SHORTLIST")).toEqual(["APPLICATION_LETTER", "FAMILY_CONSENT", "REGISTRATION_FORM", "PHYSICAL_EXAM"]);
    expect(requiredToPass(ORDER, SEED_000, "APPROVAL")).toEqual(["APPLICATION_LETTER", "FAMILY_CONSENT", "REGISTRATION_FORM", "PHYSICAL_EXAM", "INSPECTION_MATERIAL"]);
  });

  it("a requirement of a stage the programme does not have, or an unknown stage, requires nothing", () => {
    const short: StageKind[] = ["REGISTRATION", "PRELIMINARY_REVIEW", "APPROVAL"];
    expect(requiredToPass(short, SEED_000, "APPROVAL")).toEqual(["APPLICATION_LETTER", "FAMILY_CONSENT", "REGISTRATION_FORM"]);
    expect(requiredToPass(short, SEED_000, "INSPECTION")).toEqual([]);
    expect(requiredToPass(ORDER, [], "APPROVAL")).toEqual([]);
  });

  it("follows the programme's order, not the enum's", () => {
    const reordered: StageKind[] = ["REGISTRATION", "PHYSICAL_EXAM", "PRELIMINARY_REVIEW"];
    expect(requiredToPass(reordered, SEED_000, "PHYSICAL_EXAM")).toEqual(["APPLICATION_LETTER", "FAMILY_CONSENT", "PHYSICAL_EXAM"]);
  });
});

describe("missingDocuments", () => {
  it("names the required kinds with no attachment, once each, in the shown order", () => {
    expect(missingDocuments(["REGISTRATION_FORM", "APPLICATION_LETTER", "FAMILY_CONSENT"], ["FAMILY_CONSENT", "OTHER", "FAMILY_CONSENT"])).toEqual(["APPLICATION_LETTER", "REGISTRATION_FORM"]);
  });

  it("nothing is missing when all are attached or none required; an unrequired attachment changes nothing", () => {
    expect(missingDocuments(["APPLICATION_LETTER"], ["APPLICATION_LETTER", "PHYSICAL_EXAM"])).toEqual([]);
    expect(missingDocuments([], [])).toEqual([]);
    expect(missingDocuments(["PHYSICAL_EXAM"], [])).toEqual(["PHYSICAL_EXAM"]);
  });
});

describe("checklistByStage", () => {
  it("lists every stage of the programme in order, empty where nothing is required", () => {
    expect(checklistByStage(["REGISTRATION", "PRELIMINARY_REVIEW", "APPROVAL"], SEED_000)).toEqual([
      { stage: "REGISTRATION", kinds: ["APPLICATION_LETTER", "FAMILY_CONSENT"] },
      { stage: "PRELIMINARY_REVIEW", kinds: ["REGISTRATION_FORM"] },
      { stage: "APPROVAL", kinds: [] },
    ]);
  });
});

describe("encodeMissing / decodeMissing", () => {
  it("round-trips doctors and kinds; a tab or newline in a name cannot split an entry", () => {
    const entries = [
      { doctor: "张三", missing: ["APPLICATION_LETTER", "FAMILY_CONSENT"] as const },
      { doctor: "Li\tSi\nJr", missing: ["PHYSICAL_EXAM"] as const },
    ];
    const decoded = decodeMissing(encodeMissing(entries.map((e) => ({ doctor: e.doctor, missing: [...e.missing] }))));
    expect(decoded).toEqual([
      { doctor: "张三", missing: ["APPLICATION_LETTER", "FAMILY_CONSENT"] },
      { doctor: "Li Si Jr", missing: ["PHYSICAL_EXAM"] },
    ]);
  });

  it("drops kinds it does not know", () => {
    expect(decodeMissing("王五\tPHYSICAL_EXAM,BOGUS")).toEqual([{ doctor: "王五", missing: ["PHYSICAL_EXAM"] }]);
  });
});

describe("missingInWords", () => {
  const value = encodeMissing([
    { doctor: "张三", missing: ["APPLICATION_LETTER", "FAMILY_CONSENT"] },
    { doctor: "李四", missing: ["PHYSICAL_EXAM"] },
  ]);
  const zh: Record<string, string> = { APPLICATION_LETTER: "申请书", FAMILY_CONSENT: "家属意见", PHYSICAL_EXAM: "体检结果" };
  it("names each doctor with their missing documents in the locale's punctuation", () => {
    expect(missingInWords(value, (k) => zh[k]!, "zh-CN")).toBe("张三（申请书、家属意见）；李四（体检结果）");
    expect(missingInWords(value, (k) => k.toLowerCase(), "en")).toBe("张三 (application_letter, family_consent); 李四 (physical_exam)");
  });
});
