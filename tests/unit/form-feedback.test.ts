import { describe, expect, it } from "vitest";
import { feedbackOf, placeFieldErrors, type ErrorTranslator } from "@/lib/forms/feedback";

// What the one form hook (lib/forms/use-action-form.ts) does with a refusal: field errors on the fields
// the form shows, at their full dotted path; the rest in the form's sentence.

const refusal = (fieldErrors: Record<string, string[]>, formErrors: string[] = []) => ({ validationErrors: { fieldErrors, formErrors } });

describe("placeFieldErrors", () => {
  it("puts each shown field's first key at its full dotted path", () => {
    const placed = placeFieldErrors(refusal({ reason: ["reasonRequired", "tooLong"], "titles.1.specialty": ["required"] }), ["reason", "titles"]);
    expect(placed).toEqual({ onFields: [["reason", "reasonRequired"], ["titles.1.specialty", "required"]] });
  });

  it("says an error on a field the form does not show (a hidden id, the whole input) in the form's sentence", () => {
    expect(placeFieldErrors(refusal({ doctorId: ["invalid"], _form: ["invalidCharacters"] }), ["exceptionReason"])).toEqual({ onFields: [], elsewhere: "invalid" });
    expect(placeFieldErrors(refusal({}, ["tooDeep"]), ["reason"])).toEqual({ onFields: [], formKey: "tooDeep" });
  });

  it("places nothing for a success or a refusal without fields", () => {
    expect(placeFieldErrors({ data: { id: "a" } }, ["reason"])).toEqual({ onFields: [] });
    expect(placeFieldErrors({ serverError: { code: "conflict", message: "stageClosed" } }, ["reason"])).toEqual({ onFields: [] });
    expect(placeFieldErrors(undefined, ["reason"])).toEqual({ onFields: [] });
  });
});

describe("feedbackOf", () => {
  const words: Record<string, string> = { "errors.validation": "请更正标出的项目。", "errors.generic": "出错了。", "errors.stageClosed": "报名已于{closesAt}截止。" };
  const t = Object.assign((key: string, values?: Record<string, string | number>) => (words[key] ?? key).replace(/\{(\w+)\}/g, (_, n: string) => String(values?.[n] ?? "")), { has: (key: string) => key in words }) as ErrorTranslator;

  it("a refusal with fields asks to correct them; one without says the use case's reason with its values", () => {
    expect(feedbackOf(t, refusal({ reason: ["reasonRequired"] }))).toEqual({ fields: { reason: "reasonRequired" }, form: "请更正标出的项目。" });
    expect(feedbackOf(t, { serverError: { code: "conflict", message: "stageClosed", details: { closesAt: "2013-11-11" } } }, (_, v) => `${v} 12:00`).form).toBe("报名已于2013-11-11 12:00截止。");
    expect(feedbackOf(t, { serverError: { code: "notFound", message: "unknown" } }).form).toBe("出错了。");
    expect(feedbackOf(t, { data: 1 })).toEqual({ fields: {}, form: null });
  });
});
