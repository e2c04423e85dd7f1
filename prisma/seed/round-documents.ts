// The demo round's documents (issue 15): small real PDFs (one page with the document's title, in
// Noto Sans SC; one made per kind and reused, as subsetting the font is slow) uploaded through the
// product's own use case, so the applications
// carry what their stages require — except where the demo shows the rule at work: 沈燕 sent none (her
// preliminary review failed for it), 方芳's 报名表 is missing (passed by a written exception), and
// those still waiting lack the next stage's papers.
import path from "node:path";
import PDFDocument from "pdfkit";
import type { Scope } from "../../lib/auth/policy";
import type { AttachmentKind } from "../../lib/generated/prisma/enums";
import type { PrismaClient } from "../../lib/generated/prisma/client";
import { uploadAttachment } from "../../lib/server/attachments";

const FONT = path.join(process.cwd(), "node_modules", "@expo-google-fonts", "noto-sans-sc", "400Regular", "NotoSansSC_400Regular.ttf");

const TITLES: Record<AttachmentKind, string> = {
  APPLICATION_LETTER: "援疆工作申请书",
  FAMILY_CONSENT: "家属意见",
  REGISTRATION_FORM: "援疆医生报名表",
  PHYSICAL_EXAM: "体检结果",
  INSPECTION_MATERIAL: "考察材料",
  LEAVE_CERTIFICATE: "请假证明",
  OTHER: "其他材料",
};

const made = new Map<AttachmentKind, Promise<Uint8Array>>();

/** A one-page PDF naming the document: a demo stand-in for a scanned paper, made once per kind. */
export function demoPdf(kind: AttachmentKind): Promise<Uint8Array> {
  let pdf = made.get(kind);
  if (!pdf) made.set(kind, (pdf = renderDemoPdf(kind)));
  return pdf;
}

async function renderDemoPdf(kind: AttachmentKind): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: "A5", margin: 48, info: { Title: TITLES[kind] } });
  doc.registerFont("regular", FONT);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.font("regular").fontSize(18).text(TITLES[kind], { align: "center" });
  doc.moveDown().fontSize(12).text("演示数据：代替扫描件的示例文件");
  doc.end();
  return new Uint8Array(await done);
}

/** Uploads one demo PDF of `kind` to the application, as `scope` at `when`. */
export async function attachDemoDocument(prisma: PrismaClient, scope: Scope, applicationId: string, kind: AttachmentKind, doctor: string, when: Date): Promise<void> {
  const bytes = await demoPdf(kind);
  await uploadAttachment(prisma, scope, { applicationId, kind, fileName: `${TITLES[kind]}-${doctor}.pdf`, declaredType: "application/pdf", bytes }, when);
}
