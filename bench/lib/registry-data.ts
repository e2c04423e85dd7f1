// The synthetic province-sized registry of the benchmark, built in memory from a seeded PRNG (the same
// rows on every run): 800 organisations under Shaoxing's county bureaus and 50 000 doctors with title
// histories, some grassroots service and a few percent of missing data. Pure: no I/O; generate-registry.ts
// writes it. Dates are a snapshot as of the 2013 selection, like the demo data (prisma/seed/doctors.ts).
import { composeIdNumber } from "@/lib/domain/id-number";
import { seededRandom } from "@/prisma/seed/util";

export const ORG_COUNT = 800;
export const DOCTOR_COUNT = 50_000;
/** Organisation codes of the generated registry start with this: how the generator recognises its rows. */
export const CODE_PREFIX = "BENCH-";

/** A county bureau of the demo data (prisma/seed/organizations.ts) with its region and ID-number region code. */
export const COUNTIES = [
  { bureau: "绍兴市越城区卫生健康局", short: "越城区", region: "浙江省绍兴市越城区", code: "330602" },
  { bureau: "绍兴市柯桥区卫生健康局", short: "柯桥区", region: "浙江省绍兴市柯桥区", code: "330621" },
  { bureau: "绍兴市上虞区卫生健康局", short: "上虞区", region: "浙江省绍兴市上虞区", code: "330682" },
  { bureau: "诸暨市卫生健康局", short: "诸暨市", region: "浙江省绍兴市诸暨市", code: "330681" },
  { bureau: "嵊州市卫生健康局", short: "嵊州市", region: "浙江省绍兴市嵊州市", code: "330683" },
  { bureau: "新昌县卫生健康局", short: "新昌县", region: "浙江省绍兴市新昌县", code: "330624" },
] as const;
export const CITY_BUREAU = "浙江省绍兴市卫生健康委员会";

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤楼俞裘";
const GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文斌海燕鹏飞玲辉波宁浩琳晨雪峰俊婷凯丹琴亮健慧云龙晓东宇佳欣怡睿博";
const TOWN_CHARS = "东西南北安平兴福宁和江山湖桥溪岭塘浦港坂岙埠浒陶渡姚钱章齐新长永黄枫王湄璜汤枫嵋虹";
const TOWN_SUFFIX = ["镇", "乡", "街道"] as const;

/** The seven specialties of seed 000's posts first (泌尿外科 for the vice-president), then the rest of a hospital. */
export const BENCH_SPECIALTIES = [
  ["泌尿外科", 4], ["口腔科", 4], ["眼科", 4], ["耳鼻喉科", 4], ["重症监护科", 3], ["麻醉科", 5], ["新生儿科", 2],
  ["内科", 14], ["外科", 10], ["儿科", 6], ["妇产科", 7], ["全科医学", 10], ["中医科", 7], ["骨科", 5],
  ["心血管内科", 3], ["消化内科", 3], ["呼吸内科", 3], ["神经内科", 3], ["急诊科", 4], ["放射科", 3], ["检验科", 2],
] as const satisfies readonly (readonly [string, number])[];

const EDUCATION = [["TECHNICAL_SECONDARY", 6], ["JUNIOR_COLLEGE", 22], ["BACHELOR", 55], ["MASTER", 14], ["DOCTORATE", 3]] as const;
const RANKS = [["STAFF", 70], ["ATTENDING_LEAD", 14], ["DEPUTY_DEPARTMENT_HEAD", 7], ["DEPARTMENT_HEAD", 6], ["VICE_PRESIDENT", 2], ["PRESIDENT", 1]] as const;
const TITLE_NAMES = { JUNIOR: "医师", INTERMEDIATE: "主治医师", ASSOCIATE_SENIOR: "副主任医师", SENIOR: "主任医师" } as const;
type TitleLevel = keyof typeof TITLE_NAMES;
const LEVELS: TitleLevel[] = ["JUNIOR", "INTERMEDIATE", "ASSOCIATE_SENIOR", "SENIOR"];

export interface OrgRow {
  id: string;
  code: string;
  name: string;
  kind: "HOSPITAL" | "TOWNSHIP_CENTRE" | "COMMUNITY_CENTRE";
  level: "CITY" | "COUNTY" | "TOWNSHIP";
  grade: "GRADE_3B" | "GRADE_2A" | "GRADE_2B" | "GRADE_1" | "UNGRADED";
  region: string;
  /** Name of the parent bureau (resolved to its id by the generator). */
  parentName: string;
  /** ID-number region code of the people who work there. */
  regionCode: string;
}

export interface DoctorRow {
  id: string; name: string; sex: "MALE" | "FEMALE"; ethnicity: string; birthDate: string; idNumber: string;
  education: string; degree: string | null; major: string | null; employerId: string; department: string; specialty: string;
  practisingCategory: string | null; positionRank: string; positionTitle: string | null; hireDate: string | null; phone: string | null;
}
export interface TitleRow { id: string; doctorId: string; level: TitleLevel; name: string; specialty: string; obtainedOn: string }
export interface ServiceRow { id: string; doctorId: string; organizationName: string; startDate: string; endDate: string | null; isFullTime: boolean }

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;
function weighted<T extends string>(rng: Rng, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((s, [, w]) => s + w, 0);
  let r = rng() * total;
  for (const [v, w] of table) if ((r -= w) < 0) return v;
  return table.at(-1)![0];
}
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
/** A real date in year y (days 1–28 so that every month has it). */
const dateIn = (rng: Rng, y: number) => iso(y, 1 + Math.floor(rng() * 12), 1 + Math.floor(rng() * 28));

/** 800 organisations: per county a few county-level hospitals, then township health centres and community centres. */
export function buildOrganizations(seed = 20131031): OrgRow[] {
  const rng = seededRandom(seed);
  const names = new Set<string>();
  const orgs: OrgRow[] = [];
  const add = (o: Omit<OrgRow, "id" | "code">) => {
    if (names.has(o.name) || orgs.length >= ORG_COUNT) return;
    names.add(o.name);
    const n = String(orgs.length + 1).padStart(4, "0");
    orgs.push({ ...o, id: `bench-org-${n}`, code: `${CODE_PREFIX}${n}` });
  };
  // City level: a few specialised hospitals straight under the city bureau.
  for (const [i, what] of ["第二医院", "第三医院", "第六医院", "第七医院", "口腔医院", "眼科医院", "肿瘤医院", "骨伤医院"].entries()) {
    add({ name: `绍兴市${what}`, kind: "HOSPITAL", level: "CITY", grade: i < 2 ? "GRADE_3B" : "GRADE_2A", region: "浙江省绍兴市越城区", parentName: CITY_BUREAU, regionCode: "330602" });
  }
  for (const c of COUNTIES) {
    for (const what of ["第二人民医院", "第三人民医院", "中西医结合医院", "妇幼保健院", "骨伤科医院", "精神卫生中心"]) {
      add({ name: `${c.short}${what}`, kind: "HOSPITAL", level: "COUNTY", grade: pick(rng, ["GRADE_2A", "GRADE_2B"] as const), region: c.region, parentName: c.bureau, regionCode: c.code });
    }
  }
  // Township and community level until 800, spread round-robin over the six counties.
  for (let guard = 0; orgs.length < ORG_COUNT && guard < 100_000; guard++) {
    const c = COUNTIES[guard % COUNTIES.length]!;
    const town = pick(rng, [...TOWN_CHARS]) + pick(rng, [...TOWN_CHARS]);
    const suffix = pick(rng, TOWN_SUFFIX);
    const place = `${c.short}${town}${suffix}`;
    const community = suffix === "街道";
    const name = community ? `绍兴市${place}社区卫生服务中心` : `绍兴市${place}${rng() < 0.4 ? "中心" : ""}卫生院`;
    add({ name, kind: community ? "COMMUNITY_CENTRE" : "TOWNSHIP_CENTRE", level: "TOWNSHIP", grade: rng() < 0.3 ? "GRADE_1" : "UNGRADED", region: `${c.region}${town}${suffix}`, parentName: c.bureau, regionCode: c.code });
  }
  if (orgs.length !== ORG_COUNT) throw new Error(`generated ${orgs.length} organisations, expected ${ORG_COUNT}`);
  return orgs;
}

export interface Registry { doctors: DoctorRow[]; titles: TitleRow[]; services: ServiceRow[] }

/**
 * 50 000 doctors spread over `orgs` (hospitals weigh more than health centres). `takenIdNumbers` holds
 * the ID numbers already in the database: generated ones avoid them (the column is unique).
 */
export function buildDoctors(orgs: OrgRow[], takenIdNumbers: Set<string>, seed = 8): Registry {
  const rng = seededRandom(seed);
  const weights = orgs.map((o) => (o.kind === "HOSPITAL" ? (o.level === "CITY" ? 14 : 8) : 1));
  const cumulative: number[] = [];
  weights.reduce((s, w, i) => (cumulative[i] = s + w), 0);
  const totalWeight = cumulative.at(-1)!;
  const employerOf = () => {
    const r = rng() * totalWeight;
    let lo = 0, hi = cumulative.length - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (cumulative[mid]! > r) hi = mid; else lo = mid + 1; }
    return orgs[lo]!;
  };
  const ids = new Set(takenIdNumbers);
  const out: Registry = { doctors: [], titles: [], services: [] };

  for (let i = 0; i < DOCTOR_COUNT; i++) {
    const employer = employerOf();
    const n = String(i + 1).padStart(6, "0");
    const id = `bench-doc-${n}`;
    const sex = rng() < 0.52 ? "FEMALE" : "MALE";
    const birthYear = 1955 + Math.floor(rng() * 35); // 1955–1989: aged 24–58 at the 2013 cut-off
    const birthDate = dateIn(rng, birthYear);
    const regionCode = rng() < 0.85 ? employer.regionCode : pick(rng, ["330102", "330203", "330302", "330402", "330502", "331002"]);
    let seq = Math.floor(rng() * 500) * 2 + (sex === "MALE" ? 1 : 0);
    let idNumber = composeIdNumber(regionCode, birthDate, seq);
    while (ids.has(idNumber)) { seq = (seq + 2) % 1000; idNumber = composeIdNumber(regionCode, birthDate, seq); }
    ids.add(idNumber);

    const specialty = weighted(rng, BENCH_SPECIALTIES);
    const education = weighted(rng, EDUCATION);
    const graduated = birthYear + 21 + Math.floor(rng() * 5);
    const missingHire = rng() < 0.03;
    const hireYear = Math.min(2013, graduated + (rng() < 0.8 ? 0 : 1 + Math.floor(rng() * 4)));
    const rank = employer.level === "TOWNSHIP" && rng() < 0.5 ? "STAFF" : weighted(rng, RANKS);
    out.doctors.push({
      id, name: pick(rng, [...SURNAMES]) + pick(rng, [...GIVEN]) + (rng() < 0.7 ? pick(rng, [...GIVEN]) : ""),
      sex, ethnicity: rng() < 0.97 ? "汉族" : pick(rng, ["回族", "畲族", "满族", "土家族"]), birthDate, idNumber, education,
      degree: education === "MASTER" ? "医学硕士" : education === "DOCTORATE" ? "医学博士" : education === "BACHELOR" ? "医学学士" : null,
      major: specialty === "中医科" ? "中医学" : specialty === "口腔科" ? "口腔医学" : "临床医学",
      employerId: employer.id, department: specialty, specialty,
      practisingCategory: rng() < 0.04 ? null : specialty === "中医科" ? "TCM" : specialty === "口腔科" ? "DENTAL" : "CLINICAL",
      positionRank: rank, positionTitle: rank === "STAFF" ? null : rank === "ATTENDING_LEAD" ? "主诊医师" : `${specialty}${rank === "DEPARTMENT_HEAD" ? "主任" : rank === "DEPUTY_DEPARTMENT_HEAD" ? "副主任" : ""}`,
      hireDate: missingHire ? null : dateIn(rng, hireYear), phone: rng() < 0.9 ? `13${String(Math.floor(rng() * 1e9)).padStart(9, "0")}` : null,
    });

    // Titles: 初级 a year after starting, then up the ladder every 5–7 years while the cut-off allows;
    // 3 % have none on record (a gap the rules report as UNKNOWN).
    if (rng() >= 0.03) {
      let year = graduated + 1;
      for (let level = 0; level < LEVELS.length && year <= 2013; level++) {
        const obtainedOn = year === 2013 ? iso(2013, 1 + Math.floor(rng() * 10), 1 + Math.floor(rng() * 28)) : dateIn(rng, year);
        const lv = LEVELS[level]!;
        out.titles.push({ id: `bench-title-${n}-${level}`, doctorId: id, level: lv, name: TITLE_NAMES[lv], specialty, obtainedOn });
        year += 5 + Math.floor(rng() * 3);
        if (rng() < 0.35) break; // many stay at a level for longer
      }
    }
    if (rng() < 0.25) {
      const c = COUNTIES.find((x) => employer.region.startsWith(x.region)) ?? pick(rng, COUNTIES);
      const start = Math.max(hireYear, graduated) + Math.floor(rng() * 6);
      if (start <= 2012) {
        const end = start + 1 + Math.floor(rng() * 2);
        out.services.push({
          id: `bench-svc-${n}`, doctorId: id, organizationName: `${c.short}${pick(rng, [...TOWN_CHARS])}${pick(rng, [...TOWN_CHARS])}镇卫生院`,
          startDate: dateIn(rng, start), endDate: end > 2013 ? null : dateIn(rng, end), isFullTime: rng() < 0.85,
        });
      }
    }
  }
  return out;
}
