import { describe, expect, it } from "vitest";
import {
  asciiFileName,
  checkFile,
  MAX_ATTACHMENT_BYTES,
  MAX_FILE_NAME_LENGTH,
  sanitizeFileName,
  sniffContentType,
  uploadableKinds,
  uploadRefusal,
} from "@/lib/domain/attachments";

const pdf = new TextEncoder().encode("%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n");
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);
const exe = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);
const text = new TextEncoder().encode("hello, this is not a PDF");

describe("sniffContentType", () => {
  it("recognises PDF, JPEG and PNG by their first bytes, nothing else", () => {
    expect(sniffContentType(pdf)).toBe("application/pdf");
    expect(sniffContentType(png)).toBe("image/png");
    expect(sniffContentType(jpeg)).toBe("image/jpeg");
    expect(sniffContentType(exe)).toBeNull();
    expect(sniffContentType(text)).toBeNull();
    expect(sniffContentType(new Uint8Array([0x25, 0x50, 0x44]))).toBeNull();
    expect(sniffContentType(png.subarray(0, 7))).toBeNull();
  });
});

describe("checkFile", () => {
  it("accepts a file whose bytes, extension and declared type agree", () => {
    expect(checkFile({ fileName: "申请书.pdf", declaredType: "application/pdf", bytes: pdf })).toEqual({ ok: true, contentType: "application/pdf" });
    expect(checkFile({ fileName: "照片.JPEG", declaredType: "image/jpeg", bytes: jpeg })).toEqual({ ok: true, contentType: "image/jpeg" });
    expect(checkFile({ fileName: "scan.jpg", declaredType: "image/pjpeg", bytes: jpeg })).toMatchObject({ ok: true });
    expect(checkFile({ fileName: "scan.png", declaredType: "image/png; charset=binary", bytes: png })).toMatchObject({ ok: true });
  });
  it("lets the extension speak when the browser declares nothing or a generic type", () => {
    expect(checkFile({ fileName: "a.pdf", declaredType: "", bytes: pdf })).toMatchObject({ ok: true });
    expect(checkFile({ fileName: "a.png", declaredType: "application/octet-stream", bytes: png })).toMatchObject({ ok: true });
  });
  it("refuses a .pdf that is really a PNG or text, and an image declared as something else", () => {
    expect(checkFile({ fileName: "a.pdf", declaredType: "application/pdf", bytes: png })).toEqual({ ok: false, refusal: "fileTypeMismatch" });
    expect(checkFile({ fileName: "a.pdf", declaredType: "application/pdf", bytes: text })).toEqual({ ok: false, refusal: "fileTypeNotAllowed" });
    expect(checkFile({ fileName: "a.png", declaredType: "image/jpeg", bytes: png })).toEqual({ ok: false, refusal: "fileTypeMismatch" });
    expect(checkFile({ fileName: "a.png", declaredType: "text/html", bytes: png })).toEqual({ ok: false, refusal: "fileTypeNotAllowed" });
  });
  it("refuses other types whatever they are called", () => {
    expect(checkFile({ fileName: "setup.exe", declaredType: "application/x-msdownload", bytes: exe })).toEqual({ ok: false, refusal: "fileTypeNotAllowed" });
    expect(checkFile({ fileName: "setup.exe", declaredType: "application/pdf", bytes: pdf })).toEqual({ ok: false, refusal: "fileTypeNotAllowed" });
    expect(checkFile({ fileName: "pdf", declaredType: "application/pdf", bytes: pdf })).toEqual({ ok: false, refusal: "fileTypeNotAllowed" });
    expect(checkFile({ fileName: "page.html", declaredType: "text/html", bytes: text })).toEqual({ ok: false, refusal: "fileTypeNotAllowed" });
  });
  it("refuses an empty file and one byte over 10 MB; exactly 10 MB is accepted", () => {
    expect(checkFile({ fileName: "a.pdf", declaredType: "application/pdf", bytes: new Uint8Array(0) })).toEqual({ ok: false, refusal: "fileRequired" });
    const max = new Uint8Array(MAX_ATTACHMENT_BYTES);
    max.set(pdf);
    expect(checkFile({ fileName: "a.pdf", declaredType: "application/pdf", bytes: max })).toMatchObject({ ok: true });
    const over = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    over.set(pdf);
    expect(checkFile({ fileName: "a.pdf", declaredType: "application/pdf", bytes: over })).toEqual({ ok: false, refusal: "fileTooLarge" });
    expect(MAX_ATTACHMENT_BYTES).toBe(10 * 1024 * 1024);
  });
});

describe("sanitizeFileName", () => {
  it("keeps Chinese names and the extension", () => {
    expect(sanitizeFileName("沈一鸣 援疆工作申请书.pdf", "application/pdf")).toBe("沈一鸣 援疆工作申请书.pdf");
    expect(sanitizeFileName("家属意见.JPG", "image/jpeg")).toBe("家属意见.JPG");
  });
  it("strips path parts, control and bidi characters, and characters not allowed in names", () => {
    expect(sanitizeFileName("../../etc/passwd.pdf", "application/pdf")).toBe("passwd.pdf");
    expect(sanitizeFileName("C:\\Users\\张\\报名表.png", "image/png")).toBe("报名表.png");
    expect(sanitizeFileName("a\u0000b\r\nc.pdf", "application/pdf")).toBe("abc.pdf");
    expect(sanitizeFileName("invoice\u202Efdp.exe.pdf", "application/pdf")).toBe("invoicefdp.exe.pdf");
    expect(sanitizeFileName('a<b>:"c"|?*.pdf', "application/pdf")).toBe("a_b___c____.pdf");
    expect(sanitizeFileName("...hidden.pdf", "application/pdf")).toBe("hidden.pdf");
  });
  it("gives the recognised type's extension when the name has none or another", () => {
    expect(sanitizeFileName("", "application/pdf")).toBe("document.pdf");
    expect(sanitizeFileName("/", "image/png")).toBe("document.png");
    expect(sanitizeFileName("scan", "image/jpeg")).toBe("scan.jpg");
  });
  it("limits the length in characters (not bytes), the extension kept", () => {
    const long = `${"援".repeat(300)}.pdf`;
    const out = sanitizeFileName(long, "application/pdf");
    expect([...out].length).toBe(MAX_FILE_NAME_LENGTH);
    expect(out.endsWith(".pdf")).toBe(true);
  });
  it("has a printable ASCII fallback for the plain filename parameter", () => {
    expect(asciiFileName('报名表 "v2".pdf')).toBe("___ _v2_.pdf");
  });
});

describe("who may add which kind, when", () => {
  it("the bureau may add any kind at any time while the application exists", () => {
    expect(uploadableKinds("bureau", "APPROVED", false)).toEqual(["APPLICATION_LETTER", "FAMILY_CONSENT", "REGISTRATION_FORM", "PHYSICAL_EXAM", "INSPECTION_MATERIAL", "OTHER"]);
    expect(uploadRefusal("bureau", "WITHDRAWN", "PHYSICAL_EXAM", true)).toBeNull();
  });
  it("units and doctors add the registration documents while the application is under way and registration is open", () => {
    for (const who of ["unit", "doctor"] as const) {
      expect(uploadableKinds(who, "IN_PROGRESS", true)).toEqual(["APPLICATION_LETTER", "FAMILY_CONSENT", "REGISTRATION_FORM", "OTHER"]);
      expect(uploadableKinds(who, "PENDING_ENDORSEMENT", true)).toHaveLength(4);
      expect(uploadableKinds(who, "IN_PROGRESS", false)).toEqual([]);
      expect(uploadableKinds(who, "WITHDRAWN", true)).toEqual([]);
      expect(uploadRefusal(who, "IN_PROGRESS", "FAMILY_CONSENT", false)).toBeNull();
      expect(uploadRefusal(who, "IN_PROGRESS", "PHYSICAL_EXAM", false)).toBe("kindNotAllowed");
      expect(uploadRefusal(who, "IN_PROGRESS", "INSPECTION_MATERIAL", false)).toBe("kindNotAllowed");
      expect(uploadRefusal(who, "REJECTED", "APPLICATION_LETTER", false)).toBe("applicationClosed");
      expect(uploadRefusal(who, "IN_PROGRESS", "OTHER", true)).toBe("stageDecisionNotAllowed");
    }
  });
});
