import "server-only";
import path from "node:path";
import PDFDocument from "pdfkit";
import type { ServiceEvaluationView } from "./service-evaluations";

// The 服务期满评价表 on one A4 sheet, in the layout of seed 001's attachment, rendered on the server
// from the same view the page shows. Fonts: Noto Sans SC (OFL) from the npm package
// @expo-google-fonts/noto-sans-sc, embedded as a subset of the glyphs used (pdfkit/fontkit), so the PDF
// shows the same on any machine. Long text is cut at its box with an ellipsis (the page shows it whole).

const FONT_DIR = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans-sc");
const REGULAR = path.join(FONT_DIR, "400Regular", "NotoSansSC_400Regular.ttf");
const BOLD = path.join(FONT_DIR, "700Bold", "NotoSansSC_700Bold.ttf");

const SEX = { MALE: "男", FEMALE: "女" } as const;
const EDUCATION: Record<string, string> = { TECHNICAL_SECONDARY: "中专", JUNIOR_COLLEGE: "大专", BACHELOR: "本科", MASTER: "硕士研究生", DOCTORATE: "博士研究生" };
const VIRTUE_LABELS = { morality: "德", ability: "能", diligence: "勤", performance: "绩", integrity: "廉" } as const;

function chineseDate(day: string | null): string {
  if (!day) return "年   月   日";
  const [y, m, d] = day.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

function chineseMonth(month: string | null): string {
  if (!month) return "";
  const [y, m] = month.split("-").map(Number);
  return `${y}年${m}月`;
}

const num = (n: number | undefined) => (n === undefined ? "" : String(n));

export async function renderServiceEvaluationPdf(v: ServiceEvaluationView): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margins: { top: 40, bottom: 30, left: 42, right: 42 }, info: { Title: `下沉基层服务经历评价表 ${v.person.name}`, Author: v.program.name } });
  doc.registerFont("regular", REGULAR);
  doc.registerFont("bold", BOLD);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const left = 42;
  const width = doc.page.width - 84;
  const f = v.form;
  const p = v.person;

  doc.font("bold").fontSize(15).text("下沉基层服务经历评价表", left, 40, { width, align: "center" });
  doc.font("regular").fontSize(9).fillColor("#444").text(v.program.name, left, 62, { width, align: "center" }).fillColor("black");

  let y = 80;
  const pad = 4;
  /** A box with text, vertically centred for one line, top-aligned for more. */
  const cell = (x: number, top: number, w: number, h: number, text: string, opts: { bold?: boolean; align?: "left" | "center"; size?: number; top?: boolean } = {}) => {
    doc.rect(x, top, w, h).lineWidth(0.7).stroke();
    if (!text) return;
    doc.font(opts.bold ? "bold" : "regular").fontSize(opts.size ?? 10);
    const inner = w - 2 * pad;
    const textHeight = doc.heightOfString(text, { width: inner });
    const ty = opts.top || textHeight > h - 2 * pad ? top + pad : top + (h - textHeight) / 2;
    doc.text(text, x + pad, ty, { width: inner, height: h - 2 * pad, align: opts.align ?? "left", ellipsis: true, lineGap: 1 });
  };
  /** A row of label/value pairs with given widths (labels centred, bold). */
  const row = (h: number, parts: [label: string, value: string, labelWidth: number, valueWidth: number][]) => {
    let x = left;
    for (const [label, value, lw, vw] of parts) {
      cell(x, y, lw, h, label, { bold: true, align: "center", size: 9.5 });
      cell(x + lw, y, vw, h, value, { align: "center" });
      x += lw + vw;
    }
    y += h;
  };

  const L = 82; // label column
  const rest = width - L;
  const pairW = width / 3;
  row(28, [
    ["姓名", p.name, 62, pairW - 62],
    ["性别", SEX[p.sex], 62, pairW - 62],
    ["民族", p.ethnicity, 62, pairW - 62],
  ]);
  row(28, [
    ["出生年月", chineseMonth(p.birthMonth), 62, pairW - 62],
    ["学历学位", [EDUCATION[p.education] ?? p.education, p.degree].filter(Boolean).join(" / "), 62, pairW - 62],
    ["所学专业", p.major ?? "", 62, pairW - 62],
  ]);
  row(28, [
    ["工作单位", p.employer, L, width / 2 - L],
    ["从事专业", p.specialty, L, width / 2 - L],
  ]);
  row(28, [
    ["现任专业技术职务", p.title ?? "", L + 18, width / 2 - L - 18],
    ["聘用时间", chineseDate(p.titleSince), L, width / 2 - L],
  ]);
  row(26, [["接收单位", p.receivingOrg, L, rest]]);
  row(26, [["支援起止时间", `${chineseDate(p.firstDay)} 至 ${chineseDate(p.lastDay)}`, L, rest]]);
  cell(left, y, L, 56, "支援期间\n主要任务", { bold: true, align: "center", size: 9.5 });
  cell(left + L, y, rest, 56, f?.mainTasks ?? "", { top: true });
  y += 56;

  // 本人工作总结: the workload counts, other work and the written summary.
  const w = f?.workload;
  const countLabel = 120;
  const countValue = rest / 2 - countLabel;
  const summaryTop = y;
  const countRow = (a: [string, string], b: [string, string] | null) => {
    cell(left + L, y, countLabel, 22, a[0], { size: 9.5 });
    if (b) {
      cell(left + L + countLabel, y, countValue, 22, a[1], { align: "center" });
      cell(left + L + countLabel + countValue, y, countLabel, 22, b[0], { size: 9.5 });
      cell(left + L + 2 * countLabel + countValue, y, countValue, 22, b[1], { align: "center" });
    } else cell(left + L + countLabel, y, rest - countLabel, 22, a[1]);
    y += 22;
  };
  countRow(["诊疗病人（人次）", num(w?.outpatients)], ["开展手术（台次）", num(w?.operations)]);
  countRow(["主持病例讨论（次）", num(w?.caseDiscussions)], ["带教下级医生（人）", num(w?.juniorsMentored)]);
  countRow(["开展专题讲座（次）", num(w?.lectures)], ["开展新技术新项目（项）", num(w?.newTechniques)]);
  countRow(["其他工作量", w?.otherWork ?? ""], null);
  cell(left + L, y, rest, 150, `工作小结：${f?.summary ?? ""}`, { top: true, size: 9.5 });
  y += 150;
  cell(left, summaryTop, L, y - summaryTop, "本人\n工作总结", { bold: true, align: "center", size: 9.5 });

  /** An opinion box: the text, then 盖章 and the date at the bottom right. */
  const opinion = (label: string, h: number, body: string, date: string | null) => {
    cell(left, y, L, h, label, { bold: true, align: "center", size: 9.5 });
    cell(left + L, y, rest, h, body, { top: true, size: 9.5 });
    doc.font("regular").fontSize(9.5).text(`盖章    ${chineseDate(date)}`, left + L, y + h - 18, { width: rest - 12, align: "right" });
    y += h;
  };
  opinion("派出单位意见", 62, f?.dispatchingOpinion ?? "", f?.dispatchingOpinionOn ?? null);
  const virtues = f ? (Object.entries(VIRTUE_LABELS) as [keyof typeof VIRTUE_LABELS, string][]).map(([k, label]) => (f.virtues[k] ? `${label}：${f.virtues[k]}` : null)).filter(Boolean) : [];
  const procedure = f
    ? [f.talksOn ? `个别谈话 ${chineseDate(f.talksOn)}` : null, f.democraticOn ? `民主测评 ${chineseDate(f.democraticOn)}` : null, f.collectiveOn ? `集体研究 ${chineseDate(f.collectiveOn)}` : null].filter(Boolean)
    : [];
  const notice = f?.noticeStartsOn ? `公示：${chineseDate(f.noticeStartsOn)} 至 ${chineseDate(f.noticeEndsOn)}` : null;
  opinion("接收单位意见", 92, [f?.receivingOpinion ?? "", virtues.join("；"), [procedure.join("，"), notice].filter(Boolean).join("；")].filter(Boolean).join("\n"), f?.receivingOpinionOn ?? null);
  const result = f?.result ? (f.result === "PASS" ? "合格" : "不合格") : "";
  opinion("接收单位\n主管部门意见", 70, `评价结果：${result}\n${f?.authorityOpinion ?? ""}`, f?.authorityOpinionOn ?? null);

  doc.font("regular").fontSize(9).text("备注：评价结果分为合格和不合格。", left, y + 6, { width });
  doc.end();
  return done;
}
