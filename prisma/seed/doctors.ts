// The doctors' registry of the demo: ~60 doctors in Shaoxing's hospitals (candidates for seed 000's
// Xinjiang posts) and ~10 in Wanzhou's district hospitals (seed 001's county-hire-township-use).
//
// Shaoxing records are a snapshot as of the 2013 selection: every hire, title and grassroots date is
// on or before the title cut-off 2013-10-31, so "current title" and "title as of the cut-off" agree.
// Wanzhou records are a snapshot as of the end of 2022 (the 2023 programme's cut-off 2022-12-31).
//
// Cases marked "DELIBERATE" exist to make the eligibility verdicts visibly varied; the comment says
// which verdict the Xinjiang (000) or Wanzhou (001) rules should give and why.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Education, PositionRank, PractisingCategory, TitleLevel } from "@/lib/generated/prisma/enums";
import { composeIdNumber } from "@/lib/domain/id-number";
import type { OrgKey } from "./organizations";
import { day, seededRandom } from "./util";

type TitleCode = "J" | "I" | "A" | "S";

export interface DoctorSeed {
  name: string;
  sex: "M" | "F";
  ethnicity?: string; // default 汉族
  born: string; // YYYY-MM-DD
  /** Region code of the place of birth registration (first 6 digits of the ID number); default: the employer's county. */
  from?: string;
  at: OrgKey;
  specialty: string;
  dept?: string; // default derived from the specialty
  edu: Education;
  degree?: string | null;
  major?: string;
  category?: PractisingCategory | null; // null = not recorded
  /** null: not recorded (the engine then says 待核实 where a rule asks for it). */
  rank?: PositionRank | null;
  position?: string;
  /** An identity document other than a mainland resident ID: its type and number (birth date entered by hand). */
  idDocument?: { type: "HK_MACAO_PERMIT" | "TAIWAN_PERMIT" | "PASSPORT"; number: string };
  hired: string | null;
  /** Title history: [level, obtained on, specialty if not the doctor's own]. */
  titles?: [TitleCode, string, string?][];
  grassroots?: { org: string; from: string; to: string | null; fullTime?: boolean; note?: string }[];
}

// Region codes (GB/T 2260). An ID number keeps the code of the place where it was first issued, so people
// registered before the 2013 re-districting carry 330621 (former 绍兴县, now 柯桥区) and 330682 (former
// 上虞市, now 上虞区). Wanzhou's district code is 500101.
const REGION_OF_EMPLOYER: Partial<Record<OrgKey, string>> = {
  SXRM: "330602", // 越城区
  SXZX: "330621", // 绍兴县 → 柯桥区
  SXZY: "330602",
  SXFY: "330602",
  KQRM: "330621",
  KQZY: "330621",
  SYRM: "330682", // 上虞市 → 上虞区
  ZJRM: "330681", // 诸暨市
  SZRM: "330683", // 嵊州市
  XCRM: "330624", // 新昌县
  WZRM: "500101",
  WZZY: "500101",
  WZYY: "500101",
};

// ───────────── Shaoxing (seed 000) ─────────────
// Rules to keep in mind: 大专 or above; age ≤ 55 on 2013-12-31; specialty posts need 中级+ in that
// specialty; the vice-president post needs 泌尿外科 AND (中级 held ≥ 2 full years on 2013-10-31 OR 副高+)
// AND (科主任+ in a county hospital OR 主诊医师+ in a city hospital).
export const SHAOXING_DOCTORS: DoctorSeed[] = [
  // ── 泌尿外科 (vice-president candidates) ──
  { name: "钱建华", sex: "M", born: "1968-03-15", at: "SXRM", specialty: "泌尿外科", edu: "MASTER", major: "外科学（泌尿外科）", rank: "ATTENDING_LEAD", hired: "1994-08-01",
    titles: [["J", "1995-09-30"], ["I", "2000-10-20"], ["A", "2006-11-30"]],
    grassroots: [{ org: "绍兴县平水镇中心卫生院", from: "2005-03-01", to: "2006-02-28" }] }, // DELIBERATE: city 主诊医师 with 副高 → VP-eligible via the city branch
  { name: "楼志刚", sex: "M", born: "1966-07-22", at: "ZJRM", specialty: "泌尿外科", edu: "BACHELOR", rank: "DEPARTMENT_HEAD", hired: "1988-08-01",
    titles: [["J", "1989-10-01"], ["I", "1994-11-15"], ["A", "2001-12-01"], ["S", "2009-12-20"]],
    grassroots: [{ org: "诸暨市枫桥镇中心卫生院", from: "1999-09-01", to: "2000-08-31" }] }, // DELIBERATE: county 科主任 with 正高 → VP-eligible via the county branch
  { name: "谢国良", sex: "M", born: "1979-11-02", at: "SYRM", specialty: "泌尿外科", edu: "BACHELOR", rank: "DEPARTMENT_HEAD", hired: "2002-08-01",
    titles: [["J", "2003-09-30"], ["I", "2011-10-31"]] }, // DELIBERATE: 中级 obtained 2011-10-31 = exactly 2 full years on 2013-10-31 → VP-eligible
  { name: "裘伟军", sex: "M", born: "1979-04-18", at: "SZRM", specialty: "泌尿外科", edu: "BACHELOR", rank: "DEPARTMENT_HEAD", hired: "2002-08-01",
    titles: [["J", "2003-10-15"], ["I", "2011-11-01"]] }, // DELIBERATE: 中级 obtained 2011-11-01 = one day short of 2 years on 2013-10-31 → not VP-eligible
  { name: "孙立新", sex: "M", born: "1957-12-31", at: "XCRM", specialty: "泌尿外科", edu: "BACHELOR", rank: "DEPARTMENT_HEAD", hired: "1982-12-01",
    titles: [["J", "1984-06-30"], ["I", "1990-12-01"], ["A", "1997-11-30"], ["S", "2005-12-15"]],
    grassroots: [{ org: "新昌县儒岙镇中心卫生院", from: "1995-03-01", to: "1995-12-31" }] }, // DELIBERATE: turns 56 on 2013-12-31 (birthday on the cut-off counts) → too old; otherwise VP-eligible
  { name: "陈浩", sex: "M", born: "1981-09-12", at: "SXZX", specialty: "泌尿外科", edu: "MASTER", major: "外科学（泌尿外科）", hired: "2007-08-01",
    titles: [["J", "2008-09-30"], ["I", "2012-10-20"]] }, // DELIBERATE: city hospital, rank 医师 below 主诊医师 (and 中级 only 1 year) → not VP-eligible
  { name: "梁晓东", sex: "M", born: "1970-02-14", at: "KQRM", specialty: "泌尿外科", edu: "BACHELOR", rank: "DEPUTY_DEPARTMENT_HEAD", hired: "1992-08-01",
    titles: [["J", "1993-09-30"], ["I", "1998-10-30"], ["A", "2008-11-20"]] }, // DELIBERATE: county 科副主任 with 副高: rank below 科主任 in a county hospital → not VP-eligible
  { name: "宣海峰", sex: "M", born: "1973-10-09", at: "ZJRM", specialty: "泌尿外科", edu: "BACHELOR", rank: "ATTENDING_LEAD", hired: "1996-08-01",
    titles: [["J", "1997-09-30"], ["I", "2002-10-15"], ["A", "2010-12-01"]] }, // DELIBERATE: 主诊医师 suffices only in a city hospital; in a county one → not VP-eligible
  { name: "周斌", sex: "M", born: "1976-06-30", at: "SXRM", specialty: "泌尿外科", edu: "BACHELOR", hired: "1999-08-01",
    titles: [["J", "2000-09-30"], ["I", "2006-10-10"]] },

  // ── 口腔科 ──
  { name: "金晓燕", sex: "F", born: "1978-01-25", at: "SXZX", specialty: "口腔科", edu: "BACHELOR", hired: "2001-08-01",
    titles: [["J", "2002-09-30"], ["I", "2007-09-30"]] },
  { name: "俞丽萍", sex: "F", born: "1974-12-03", at: "SXRM", specialty: "口腔科", edu: "BACHELOR", rank: "DEPUTY_DEPARTMENT_HEAD", hired: "1997-08-01",
    titles: [["J", "1998-09-30"], ["I", "2003-10-20"], ["A", "2011-11-30"]],
    grassroots: [{ org: "绍兴市越城区东湖街道社区卫生服务中心", from: "2009-03-01", to: "2010-02-28" }] },
  { name: "斯建平", sex: "M", born: "1970-08-19", at: "ZJRM", specialty: "口腔科", edu: "BACHELOR", rank: "DEPARTMENT_HEAD", hired: "1993-08-01",
    titles: [["J", "1994-09-30"], ["I", "1999-10-20"], ["A", "2005-12-01"]] },
  { name: "章颖", sex: "F", born: "1985-03-11", at: "SYRM", specialty: "口腔科", edu: "BACHELOR", hired: "2008-08-01",
    titles: [["J", "2010-09-30"]] }, // DELIBERATE: only 初级 → fails "中级 or above in 口腔科"
  { name: "蓝雪芬", sex: "F", ethnicity: "畲族", born: "1980-06-06", from: "331127", at: "KQRM", specialty: "口腔科", edu: "BACHELOR", hired: "2003-08-01",
    titles: [["J", "2004-09-30"], ["I", "2009-09-30"]] }, // born in 景宁畲族自治县 (331127)
  { name: "何佳", sex: "F", born: "1983-09-27", at: "KQZY", specialty: "口腔科", edu: "BACHELOR", hired: "2006-08-01" }, // DELIBERATE: no title history recorded → title rule "unknown", not "pass"
  { name: "潘国庆", sex: "M", born: "1969-10-01", at: "XCRM", specialty: "口腔科", edu: "BACHELOR", rank: "DEPARTMENT_HEAD", hired: "1991-08-01",
    titles: [["J", "1992-09-30"], ["I", "1997-11-01"], ["A", "2007-12-01"]] },
  { name: "吴敏", sex: "F", born: "1982-02-20", at: "SXZY", specialty: "口腔科", edu: "BACHELOR", hired: "2005-08-01",
    titles: [["J", "2006-09-30"], ["I", "2012-06-30"]] },

  // ── 眼科 ──
  { name: "沈一鸣", sex: "M", born: "1975-04-12", at: "SXRM", specialty: "眼科", edu: "MASTER", major: "眼科学", hired: "2001-08-01",
    titles: [["J", "2002-09-30"], ["I", "2007-10-15"]] }, // the `doctor` demo account: eligible for the 眼科 posts
  { name: "王丽华", sex: "F", born: "1968-11-05", at: "SXRM", specialty: "眼科", edu: "MASTER", major: "眼科学", rank: "DEPARTMENT_HEAD", hired: "1992-08-01",
    titles: [["J", "1993-09-30"], ["I", "1998-10-20"], ["A", "2004-11-30"], ["S", "2010-12-10"]],
    grassroots: [{ org: "绍兴县福全镇卫生院", from: "2002-03-01", to: "2003-02-28" }] }, // DELIBERATE: city 科主任 in 眼科: eligible for 眼科, not for VP (specialty is not 泌尿外科)
  { name: "张晓峰", sex: "M", born: "1972-05-17", at: "SXZY", specialty: "眼科", edu: "BACHELOR", rank: "ATTENDING_LEAD", hired: "1995-08-01",
    titles: [["J", "1996-09-30"], ["I", "2001-10-15"], ["A", "2009-11-30"]] },
  { name: "郦建英", sex: "F", born: "1977-08-08", from: "330681", at: "ZJRM", specialty: "眼科", edu: "BACHELOR", hired: "2000-08-01",
    titles: [["J", "2001-09-30"], ["I", "2006-10-10"]] },
  { name: "夏志勇", sex: "M", born: "1984-07-21", at: "SYRM", specialty: "眼科", edu: "BACHELOR", hired: "2007-08-01",
    titles: [["J", "2009-09-30"]] },
  { name: "竺海燕", sex: "F", born: "1973-03-09", at: "SZRM", specialty: "眼科", edu: "BACHELOR", rank: "DEPARTMENT_HEAD", hired: "1996-08-01",
    titles: [["J", "1997-09-30"], ["I", "2002-10-20"], ["A", "2008-11-30"]],
    grassroots: [{ org: "嵊州市甘霖镇中心卫生院", from: "2006-03-01", to: "2007-02-28" }] },
  { name: "石磊", sex: "M", born: "1980-12-12", at: "XCRM", specialty: "眼科", edu: "BACHELOR", hired: "2004-08-01",
    titles: [["J", "2005-09-30"], ["I", "2010-10-15"]] },
  { name: "马瑞", sex: "M", ethnicity: "回族", born: "1979-05-14", from: "640104", at: "SXZX", specialty: "眼科", edu: "MASTER", major: "眼科学", hired: "2005-08-01",
    titles: [["J", "2006-09-30"], ["I", "2008-10-20"]] }, // born in 银川市兴庆区 (640104)
  { name: "黄静", sex: "F", born: "1986-01-30", at: "KQRM", specialty: "眼科", edu: "BACHELOR", hired: "2009-08-01",
    titles: [["J", "2011-09-30"]] },

  // ── 耳鼻喉科 ──
  { name: "李明", sex: "M", born: "1971-09-09", at: "SXRM", specialty: "耳鼻喉科", edu: "BACHELOR", rank: "ATTENDING_LEAD", hired: "1994-08-01",
    titles: [["J", "1995-09-30"], ["I", "2000-10-15"], ["A", "2007-11-30"]] },
  { name: "蒋红", sex: "F", born: "1976-04-04", at: "SXZY", specialty: "耳鼻喉科", edu: "BACHELOR", hired: "1999-08-01",
    titles: [["J", "2000-09-30"], ["I", "2005-10-20"]] },
  { name: "朱建新", sex: "M", born: "1965-02-28", at: "ZJRM", specialty: "耳鼻喉科", edu: "BACHELOR", rank: "DEPARTMENT_HEAD", hired: "1987-08-01",
    titles: [["J", "1988-09-30"], ["I", "1993-10-20"], ["A", "2000-11-30"], ["S", "2008-12-15"]] },
  { name: "商晓军", sex: "M", born: "1978-10-10", at: "SZRM", specialty: "耳鼻喉科", edu: "BACHELOR", hired: "2002-08-01",
    titles: [["J", "2003-09-30"], ["I", "2008-10-15"]] },
  { name: "杨帆", sex: "M", born: "1983-06-16", at: "SXZX", specialty: "耳鼻喉科", edu: "MASTER", major: "耳鼻咽喉科学", hired: "2008-08-01",
    titles: [["J", "2009-09-30"], ["I", "2013-09-30"]] },
  { name: "胡建国", sex: "M", born: "1958-12-31", at: "SYRM", specialty: "耳鼻喉科", edu: "JUNIOR_COLLEGE", rank: "DEPARTMENT_HEAD", hired: "1980-08-01",
    titles: [["J", "1982-06-30"], ["I", "1989-11-30"], ["A", "1998-12-01"], ["S", "2008-12-10"]] }, // DELIBERATE: turns exactly 55 on 2013-12-31 → still eligible ("55岁以下" is inclusive)
  { name: "赵蕾", sex: "F", born: "1981-11-11", at: "KQZY", specialty: "耳鼻喉科", edu: "BACHELOR", hired: "2004-08-01",
    titles: [["J", "2005-09-30"], ["I", "2011-12-20"]] },
  { name: "徐晨", sex: "M", born: "1985-08-08", at: "XCRM", specialty: "耳鼻喉科", edu: "BACHELOR", hired: "2008-08-01",
    titles: [["J", "2010-09-30"]] },
  { name: "俞伟", sex: "M", born: "1980-01-08", at: "SXRM", specialty: "耳鼻喉科", edu: "MASTER", major: "耳鼻咽喉科学", hired: "2006-08-01",
    titles: [["J", "2007-09-30"], ["I", "2011-10-15"]] },

  // ── 重症监护科 ──
  { name: "陈伟", sex: "M", born: "1974-01-19", at: "SXRM", specialty: "重症监护科", edu: "MASTER", major: "急诊医学", rank: "DEPUTY_DEPARTMENT_HEAD", hired: "2000-08-01",
    titles: [["J", "2001-09-30"], ["I", "2005-10-20"], ["A", "2010-11-30"]] },
  { name: "王磊", sex: "M", born: "1980-03-03", at: "SXZX", specialty: "重症监护科", edu: "BACHELOR", hired: "2003-08-01",
    titles: [["J", "2004-09-30"], ["I", "2009-10-15"]] },
  { name: "丁晓红", sex: "F", born: "1977-07-07", at: "ZJRM", specialty: "重症监护科", edu: "BACHELOR", hired: "2000-08-01",
    titles: [["J", "2001-09-30"], ["I", "2006-10-20"]] },
  { name: "俞杰", sex: "M", born: "1982-05-25", at: "SZRM", specialty: "重症监护科", edu: "BACHELOR", hired: "2005-08-01" }, // DELIBERATE: no title history recorded → "unknown"
  { name: "倪建军", sex: "M", born: "1976-09-14", at: "SYRM", specialty: "重症监护科", edu: "BACHELOR", hired: "1999-08-01",
    titles: [["J", "2000-09-30", "普外科"], ["I", "2007-10-15", "普外科"]] }, // DELIBERATE: moved to ICU from surgery; 中级 is in 普外科, not 重症监护科 → fails the specialty title rule
  { name: "鲁军", sex: "M", born: "1979-02-08", at: "XCRM", specialty: "重症监护科", edu: "BACHELOR", hired: "2002-08-01",
    titles: [["J", "2003-09-30"], ["I", "2010-10-15"]] },
  { name: "应晓玲", sex: "F", born: "1984-04-14", at: "KQRM", specialty: "重症监护科", edu: "BACHELOR", hired: "2007-08-01",
    titles: [["J", "2009-09-30"]] },
  { name: "汪涛", sex: "M", born: "1972-10-30", at: "SXZX", specialty: "重症监护科", edu: "MASTER", major: "内科学", rank: "DEPARTMENT_HEAD", hired: "1998-08-01",
    titles: [["J", "1999-09-30"], ["I", "2003-10-20"], ["A", "2008-11-30"], ["S", "2012-12-01"]],
    grassroots: [{ org: "绍兴县齐贤镇卫生院", from: "2006-03-01", to: "2006-12-31", fullTime: false, note: "每周三天，未全脱产" }] },

  // ── 麻醉科 ──
  { name: "童国华", sex: "M", born: "1966-06-06", at: "SXRM", specialty: "麻醉科", edu: "BACHELOR", rank: "DEPARTMENT_HEAD", hired: "1988-08-01",
    titles: [["J", "1989-09-30"], ["I", "1994-10-20"], ["A", "2001-11-30"], ["S", "2009-12-10"]] },
  { name: "郑丽", sex: "F", born: "1979-09-19", at: "SXZX", specialty: "麻醉科", edu: "BACHELOR", hired: "2002-08-01",
    titles: [["J", "2003-09-30"], ["I", "2008-10-15"]] },
  { name: "骆勇", sex: "M", born: "1962-04-01", at: "SZRM", specialty: "麻醉科", edu: "TECHNICAL_SECONDARY", degree: null, major: "医士", hired: "1981-08-01",
    titles: [["J", "1985-06-30"], ["I", "1993-10-20"], ["A", "2005-11-30"]] }, // DELIBERATE: 中专 education → fails "大专以上学历" although title and age pass
  { name: "方芳", sex: "F", born: "1983-01-12", at: "ZJRM", specialty: "麻醉科", edu: "BACHELOR", hired: "2006-08-01",
    titles: [["J", "2007-09-30"], ["I", "2012-10-15"]] },
  { name: "任志华", sex: "M", born: "1975-11-23", at: "XCRM", specialty: "麻醉科", edu: "BACHELOR", rank: "DEPARTMENT_HEAD", hired: "1998-08-01",
    titles: [["J", "1999-09-30"], ["I", "2004-10-20"], ["A", "2010-11-30"]] },
  { name: "冯静", sex: "F", born: "1981-07-15", at: "SXFY", specialty: "麻醉科", edu: "BACHELOR", hired: "2004-08-01",
    titles: [["J", "2005-09-30"], ["I", "2010-10-15"]] },
  { name: "叶青", sex: "F", born: "1985-10-02", at: "SYRM", specialty: "麻醉科", edu: "BACHELOR", hired: "2008-08-01",
    titles: [["J", "2010-09-30"]] },
  { name: "罗斌", sex: "M", born: "1970-05-05", at: "KQZY", specialty: "麻醉科", edu: "JUNIOR_COLLEGE", rank: "DEPUTY_DEPARTMENT_HEAD", hired: "1991-08-01",
    titles: [["J", "1992-09-30"], ["I", "1999-10-15"], ["A", "2009-11-30"]] }, // DELIBERATE: 大专 is exactly the minimum → eligible
  { name: "沈燕", sex: "F", born: "1979-12-25", at: "SXRM", specialty: "麻醉科", edu: "BACHELOR", hired: "2002-08-01",
    titles: [["J", "2003-09-30"], ["I", "2008-10-20"]] },

  // ── 新生儿科 ──
  { name: "邵琴", sex: "F", born: "1975-02-02", at: "SXFY", specialty: "新生儿科", edu: "MASTER", major: "儿科学", rank: "DEPARTMENT_HEAD", hired: "2000-08-01",
    titles: [["J", "2001-09-30"], ["I", "2004-10-20"], ["A", "2009-11-30"]],
    grassroots: [{ org: "绍兴市越城区北海街道社区卫生服务中心", from: "2008-03-01", to: "2009-02-28" }] },
  { name: "褚晓丹", sex: "F", born: "1980-08-28", at: "SXFY", specialty: "新生儿科", edu: "BACHELOR", hired: "2003-08-01",
    titles: [["J", "2004-09-30"], ["I", "2009-10-15"]] },
  { name: "陶然", sex: "M", born: "1978-12-20", at: "SXRM", specialty: "新生儿科", edu: "BACHELOR", hired: "2001-08-01",
    titles: [["J", "2002-09-30"], ["I", "2008-10-15"]] },
  { name: "杜鹃", sex: "F", born: "1982-06-01", at: "ZJRM", specialty: "新生儿科", edu: "BACHELOR", hired: "2005-08-01",
    titles: [["J", "2006-09-30"], ["I", "2011-10-15"]] },
  { name: "余红梅", sex: "F", born: "1976-03-08", at: "SZRM", specialty: "新生儿科", edu: "BACHELOR", rank: "DEPUTY_DEPARTMENT_HEAD", hired: "1998-08-01",
    titles: [["J", "1999-09-30"], ["I", "2005-10-20"]] },
  { name: "许诺", sex: "F", born: "1986-09-09", at: "KQRM", specialty: "新生儿科", edu: "BACHELOR", hired: "2009-08-01",
    titles: [["J", "2011-09-30"]] },
  { name: "姚建萍", sex: "F", born: "1971-01-16", at: "SYRM", specialty: "新生儿科", edu: "BACHELOR", rank: "DEPARTMENT_HEAD", hired: "1993-08-01",
    titles: [["J", "1994-09-30"], ["I", "1999-10-20"], ["A", "2008-11-30"]],
    grassroots: [{ org: "上虞市丰惠镇中心卫生院", from: "2006-03-01", to: "2007-02-28" }] },
  { name: "金丽娟", sex: "F", born: "1984-11-19", at: "XCRM", specialty: "新生儿科", edu: "BACHELOR", hired: "2007-08-01",
    titles: [["J", "2008-09-30"], ["I", "2013-06-30"]] },

  // ── other departments (no Xinjiang post matches their specialty) ──
  { name: "陈国强", sex: "M", born: "1967-08-12", at: "SXRM", specialty: "心血管内科", edu: "DOCTORATE", major: "内科学（心血管病）", rank: "VICE_PRESIDENT", hired: "1995-08-01",
    titles: [["J", "1996-09-30"], ["I", "1999-10-20"], ["A", "2003-11-30"], ["S", "2007-12-10"]] },
  { name: "王建平", sex: "M", born: "1972-03-23", at: "SXZY", specialty: "中医内科", edu: "BACHELOR", rank: "ATTENDING_LEAD", hired: "1995-08-01",
    titles: [["J", "1996-09-30"], ["I", "2001-10-15"], ["A", "2009-11-30"]] },
  { name: "张丽", sex: "F", born: "1978-05-05", at: "KQZY", specialty: "针灸科", edu: "BACHELOR", major: "针灸推拿学", hired: "2001-08-01",
    titles: [["J", "2002-09-30"], ["I", "2008-10-15"]] },
  { name: "吕刚", sex: "M", born: "1974-09-09", at: "ZJRM", specialty: "普外科", edu: "BACHELOR", rank: "DEPUTY_DEPARTMENT_HEAD", hired: "1997-08-01",
    titles: [["J", "1998-09-30"], ["I", "2003-10-20"], ["A", "2010-11-30"]] },
  { name: "关宏宇", sex: "M", ethnicity: "满族", born: "1977-02-17", from: "210102", at: "SXZX", specialty: "骨科", edu: "MASTER", major: "外科学（骨外科）", hired: "2003-08-01",
    titles: [["J", "2004-09-30"], ["I", "2007-10-15"]] }, // born in 沈阳市和平区 (210102)
];

// ───────────── Wanzhou (seed 001) ─────────────
// Rule: practising category in 临床/中医/口腔/公卫 AND (hired within 5 years of 2022-12-31 OR (中级+ AND no
// grassroots service on record)).
export const WANZHOU_DOCTORS: DoctorSeed[] = [
  { name: "谭晓宇", sex: "M", born: "1996-04-12", at: "WZRM", specialty: "全科医学", dept: "全科医学科", edu: "BACHELOR", hired: "2021-08-01",
    titles: [["J", "2022-09-30"]] }, // DELIBERATE: new hire (2021) → must serve: eligible
  { name: "冉静", sex: "F", born: "1995-10-20", at: "WZZY", specialty: "中医内科", dept: "中医内科", edu: "BACHELOR", hired: "2020-07-15",
    titles: [["J", "2021-09-30"]] },
  { name: "向成", sex: "M", ethnicity: "土家族", born: "1993-02-08", from: "500240", at: "WZYY", specialty: "内科", dept: "心血管内科", edu: "MASTER", major: "内科学", hired: "2019-08-01",
    titles: [["J", "2020-09-30"]] }, // born in 石柱土家族自治县 (500240)
  { name: "牟红", sex: "F", born: "1986-06-16", at: "WZRM", specialty: "内科", dept: "消化内科", edu: "BACHELOR", rank: "ATTENDING_LEAD", hired: "2010-08-01",
    titles: [["J", "2011-09-30"], ["I", "2016-09-30"]] }, // DELIBERATE: hired 12 years ago, but 中级 without grassroots service → must serve before 副高: eligible
  { name: "黄勇", sex: "M", born: "1984-01-25", at: "WZYY", specialty: "外科", dept: "普外科", edu: "BACHELOR", hired: "2008-08-01",
    titles: [["J", "2009-09-30"], ["I", "2014-10-15"]],
    grassroots: [{ org: "重庆市万州区分水镇中心卫生院", from: "2015-01-01", to: "2015-12-31" }] }, // DELIBERATE: 中级 but already has full-time grassroots service, hired long ago → not eligible
  { name: "熊丽", sex: "F", born: "1990-12-05", at: "WZRM", specialty: "儿科", dept: "儿科", edu: "BACHELOR", hired: "2014-08-01",
    titles: [["J", "2015-09-30"]] }, // DELIBERATE: hired 8 years before the cut-off and only 初级 → not eligible
  { name: "邓婷", sex: "F", born: "1997-07-07", at: "WZZY", specialty: "针灸推拿", dept: "针灸推拿科", edu: "BACHELOR", major: "针灸推拿学", hired: null }, // DELIBERATE: hire date not recorded → "unknown"
  { name: "程刚", sex: "M", born: "1992-03-30", at: "WZYY", specialty: "口腔科", edu: "BACHELOR", hired: "2018-07-01",
    titles: [["J", "2019-09-30"]] },
  { name: "陈春燕", sex: "F", born: "1994-05-18", at: "WZRM", specialty: "公共卫生", dept: "预防保健科", edu: "BACHELOR", major: "预防医学", hired: "2020-09-01",
    titles: [["J", "2021-09-30"]] },
  { name: "李建", sex: "M", born: "1988-08-08", at: "WZRM", specialty: "超声医学", dept: "超声科", edu: "BACHELOR", major: "医学影像学", category: null, hired: "2012-08-01",
    titles: [["J", "2013-09-30"], ["I", "2019-10-15"]] }, // DELIBERATE: practising category not recorded → "unknown"
  { name: "刘洋", sex: "M", born: "1989-11-11", at: "WZZY", specialty: "骨伤科", dept: "骨伤科", edu: "BACHELOR", hired: "2013-08-01",
    titles: [["J", "2014-09-30"], ["I", "2019-10-15"]],
    grassroots: [{ org: "重庆市万州区龙驹镇中心卫生院", from: "2021-03-01", to: "2021-08-31", fullTime: false, note: "每周坐诊两天，未全脱产，不计入基层服务经历" }] }, // DELIBERATE: only a part-time stint, which seed 001 does not count as grassroots service
];

// ───────────── Derivations ─────────────

const DEPARTMENT_OF: Record<string, string> = {
  耳鼻喉科: "耳鼻咽喉科",
  重症监护科: "重症医学科",
};
const TCM_SPECIALTIES = new Set(["中医内科", "针灸科", "针灸推拿", "骨伤科", "中医科"]);

function categoryOf(d: DoctorSeed): PractisingCategory | null {
  if (d.category !== undefined) return d.category;
  if (d.specialty === "口腔科") return "DENTAL";
  if (TCM_SPECIALTIES.has(d.specialty)) return "TCM";
  if (d.specialty === "公共卫生") return "PUBLIC_HEALTH";
  return "CLINICAL";
}

function majorOf(d: DoctorSeed, category: PractisingCategory | null): string {
  if (d.major) return d.major;
  if (category === "DENTAL") return "口腔医学";
  if (category === "TCM") return "中医学";
  if (category === "PUBLIC_HEALTH") return "预防医学";
  if (d.specialty === "麻醉科") return "麻醉学";
  return "临床医学";
}

const DEGREE_OF: Record<Education, string | null> = {
  TECHNICAL_SECONDARY: null,
  JUNIOR_COLLEGE: null,
  BACHELOR: "医学学士",
  MASTER: "医学硕士",
  DOCTORATE: "医学博士",
};

function positionTitleOf(rank: PositionRank, department: string): string | null {
  switch (rank) {
    case "STAFF": return `${department}医师`;
    case "ATTENDING_LEAD": return `${department}主诊医师`;
    case "DEPUTY_DEPARTMENT_HEAD": return `${department}副主任`;
    case "DEPARTMENT_HEAD": return `${department}主任`;
    case "VICE_PRESIDENT": return "副院长";
    case "PRESIDENT": return "院长";
  }
}

const TITLE_LEVEL: Record<TitleCode, TitleLevel> = { J: "JUNIOR", I: "INTERMEDIATE", A: "ASSOCIATE_SENIOR", S: "SENIOR" };
const TITLE_NAME: Record<TitleCode, string> = { J: "住院医师", I: "主治医师", A: "副主任医师", S: "主任医师" };
const TCM_TITLE_NAME: Record<TitleCode, string> = { J: "中医师", I: "主治中医师", A: "副主任中医师", S: "主任中医师" };

const PHONE_PREFIXES = ["138", "139", "135", "137", "158", "159", "150", "180", "188", "189", "133", "153", "136", "187"];

/** A doctor ready to insert, with its title and grassroots rows (keyed by ID number until ids exist). */
export interface DoctorRows {
  doctor: Omit<Prisma.DoctorCreateManyInput, "employerId"> & { employerKey: OrgKey };
  titles: Omit<Prisma.TitleRecordCreateManyInput, "doctorId">[];
  grassroots: Omit<Prisma.GrassrootsServiceRecordCreateManyInput, "doctorId">[];
}

// Doctors whose identity document is not a mainland resident ID (issue 15): a Hong Kong permanent
// resident, a Taiwan resident and a foreign national working in Shaoxing's hospitals, their birth
// dates entered by hand. The foreign doctor's 职务级别 was never recorded: for the vice-president
// post, which asks for it, the engine says 待核实.
export const OTHER_ID_DOCTORS: DoctorSeed[] = [
  { name: "陈家豪", sex: "M", born: "1982-05-14", at: "SXRM", specialty: "心血管内科", edu: "MASTER", hired: "2012-08-01",
    idDocument: { type: "HK_MACAO_PERMIT", number: "H60231458" },
    titles: [["J", "2013-09-30"], ["I", "2018-10-20"]] },
  { name: "林怡君", sex: "F", born: "1985-09-03", at: "SXZY", specialty: "中医内科", edu: "MASTER", hired: "2014-07-15",
    idDocument: { type: "TAIWAN_PERMIT", number: "08123467" },
    titles: [["J", "2015-09-30"], ["I", "2020-10-20"]] },
  { name: "安娜·施密特", sex: "F", born: "1979-02-11", at: "SXRM", specialty: "泌尿外科", edu: "DOCTORATE", rank: null, hired: "2011-03-01", ethnicity: "外籍",
    idDocument: { type: "PASSPORT", number: "C4F29X813" },
    titles: [["J", "2011-09-30"], ["I", "2014-10-20"], ["A", "2019-11-30"]] }, // DELIBERATE: 职务级别 not recorded → 待核实 for the vice-president post
];

/** Expands the compact table above into rows. Deterministic: the PRNG is seeded. */
export function buildDoctorRows(list: DoctorSeed[] = [...SHAOXING_DOCTORS, ...WANZHOU_DOCTORS, ...OTHER_ID_DOCTORS]): DoctorRows[] {
  const random = seededRandom(20131108);
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join("");
  return list.map((d) => {
    const region = d.from ?? REGION_OF_EMPLOYER[d.at];
    if (!region) throw new Error(`no birth region for ${d.name}`);
    // Sequence: odd for men, even for women (GB 11643), in 010–989.
    const sequence = 10 + 2 * Math.floor(random() * 490) + (d.sex === "M" ? 1 : 0);
    const idNumber = composeIdNumber(region, d.born, sequence);
    const phone = PHONE_PREFIXES[Math.floor(random() * PHONE_PREFIXES.length)]! + digits(8);
    const category = categoryOf(d);
    const department = d.dept ?? DEPARTMENT_OF[d.specialty] ?? d.specialty;
    const rank = d.rank === null ? null : (d.rank ?? "STAFF");
    const names = category === "TCM" ? TCM_TITLE_NAME : TITLE_NAME;
    return {
      doctor: {
        name: d.name,
        sex: d.sex === "M" ? "MALE" : "FEMALE",
        ethnicity: d.ethnicity ?? "汉族",
        birthDate: day(d.born),
        idNumber: d.idDocument?.number ?? idNumber,
        idType: d.idDocument?.type ?? ("MAINLAND_ID" as const),
        education: d.edu,
        degree: d.degree !== undefined ? d.degree : DEGREE_OF[d.edu],
        major: majorOf(d, category),
        employerKey: d.at,
        department,
        specialty: d.specialty,
        practisingCategory: category,
        positionRank: rank,
        positionTitle: d.position ?? (rank ? positionTitleOf(rank, department) : null),
        hireDate: d.hired ? day(d.hired) : null,
        phone,
      },
      titles: (d.titles ?? []).map(([code, on, specialty]) => ({
        level: TITLE_LEVEL[code],
        name: names[code],
        specialty: specialty ?? d.specialty,
        obtainedOn: day(on),
      })),
      grassroots: (d.grassroots ?? []).map((g) => ({
        organizationName: g.org,
        startDate: day(g.from),
        endDate: g.to ? day(g.to) : null,
        isFullTime: g.fullTime ?? true,
        note: g.note ?? null,
      })),
    };
  });
}
