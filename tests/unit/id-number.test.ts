import { describe, expect, it } from "vitest";
import {
  birthDateFromIdNumber,
  composeIdNumber,
  idNumberCheckDigit,
  isValidIdNumber,
  normalizeIdNumber,
  sexFromIdNumber,
} from "@/lib/domain/id-number";

// The two worked examples of GB 11643-1999 itself.
const GB_EXAMPLE_1 = "11010519491231002X"; // check character X
const GB_EXAMPLE_2 = "440524188001010014";

describe("idNumberCheckDigit", () => {
  it("computes the MOD 11-2 check character of the standard's examples", () => {
    expect(idNumberCheckDigit("11010519491231002")).toBe("X");
    expect(idNumberCheckDigit("44052418800101001")).toBe("4");
  });

  it("refuses anything but 17 digits", () => {
    expect(() => idNumberCheckDigit("1101051949123100")).toThrow();
    expect(() => idNumberCheckDigit("1101051949123100A")).toThrow();
  });
});

describe("isValidIdNumber", () => {
  it("accepts valid numbers", () => {
    expect(isValidIdNumber(GB_EXAMPLE_2)).toBe(true);
    expect(isValidIdNumber(composeIdNumber("330602", "1975-04-12", 31))).toBe(true);
  });

  it("accepts an X check character (upper case only; normalizeIdNumber fixes a typed x)", () => {
    expect(isValidIdNumber(GB_EXAMPLE_1)).toBe(true);
    expect(isValidIdNumber(GB_EXAMPLE_1.toLowerCase())).toBe(false);
    expect(isValidIdNumber(normalizeIdNumber(` ${GB_EXAMPLE_1.toLowerCase()} `))).toBe(true);
  });

  it("rejects a wrong check character", () => {
    expect(isValidIdNumber("440524188001010015")).toBe(false);
    expect(isValidIdNumber("110105194912310021")).toBe(false);
    // every other check character than the right one is refused
    const first17 = "33068119660722001";
    const right = idNumberCheckDigit(first17);
    for (const c of "0123456789X") expect(isValidIdNumber(first17 + c)).toBe(c === right);
  });

  it("rejects wrong lengths and shapes", () => {
    expect(isValidIdNumber("")).toBe(false);
    expect(isValidIdNumber("44052418800101001")).toBe(false); // 17
    expect(isValidIdNumber("4405241880010100140")).toBe(false); // 19
    expect(isValidIdNumber("440524800101001")).toBe(false); // old 15-digit form
    expect(isValidIdNumber("44052418800101001 ")).toBe(false);
    expect(isValidIdNumber("4405241880010X0014")).toBe(false);
    expect(isValidIdNumber("040524188001010014".slice(0, 17) + idNumberCheckDigit("04052418800101001"))).toBe(false); // region 0x
  });

  it("rejects impossible birth dates even with a matching check character", () => {
    const withCheck = (first17: string) => first17 + idNumberCheckDigit(first17);
    expect(isValidIdNumber(withCheck("33060219790230001"))).toBe(false); // 30 Feb
    expect(isValidIdNumber(withCheck("33060219791301001"))).toBe(false); // month 13
    expect(isValidIdNumber(withCheck("33060219790000001"))).toBe(false); // month 0
    expect(isValidIdNumber(withCheck("33060220010229001"))).toBe(false); // 2001 is not a leap year
    expect(isValidIdNumber(withCheck("33060220000229001"))).toBe(true); // 2000 is
    expect(isValidIdNumber(withCheck("33060221000101001"), new Date("2026-01-01T00:00:00Z"))).toBe(false); // future
  });
});

describe("birthDateFromIdNumber and sexFromIdNumber", () => {
  it("reads the birth date as UTC midnight", () => {
    expect(birthDateFromIdNumber(GB_EXAMPLE_1)?.toISOString()).toBe("1949-12-31T00:00:00.000Z");
    expect(birthDateFromIdNumber(composeIdNumber("500101", "1996-04-12", 7))?.toISOString()).toBe("1996-04-12T00:00:00.000Z");
  });

  it("returns null for a bad date or shape", () => {
    expect(birthDateFromIdNumber("330602197902300011")).toBeNull();
    expect(birthDateFromIdNumber("3306021979")).toBeNull();
  });

  it("reads the sex from the parity of the 17th digit", () => {
    expect(sexFromIdNumber(GB_EXAMPLE_1)).toBe("FEMALE"); // …002X
    expect(sexFromIdNumber(GB_EXAMPLE_2)).toBe("MALE"); // …0014
    expect(sexFromIdNumber("abc")).toBeNull();
  });
});

describe("composeIdNumber", () => {
  it("builds valid numbers and refuses bad parts", () => {
    const id = composeIdNumber("331127", "1980-06-06", 222);
    expect(id).toMatch(/^33112719800606222[\dX]$/);
    expect(isValidIdNumber(id)).toBe(true);
    expect(() => composeIdNumber("3306", "1980-06-06", 1)).toThrow();
    expect(() => composeIdNumber("330602", "19800606", 1)).toThrow();
    expect(() => composeIdNumber("330602", "1980-06-06", 1000)).toThrow();
  });
});
