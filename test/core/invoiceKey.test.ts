import { describe, expect, it } from "vitest";
import { invoiceKey } from "../../src/core/invoiceKey";

describe("invoiceKey", () => {
  it("ignores case and surrounding spaces", () => {
    expect(invoiceKey("cs-1")).toBe(invoiceKey("CS-1"));
    expect(invoiceKey("  f2021-014\u00a0")).toBe("F2021-014");
  });

  it.each(["N° CS-1", "N°CS-1", "n° cs-1", "Nº CS-1", "No CS-1", "No. CS-1", "no:CS-1", "N°. CS-1", "N ° CS-1"])(
    "ignores the leading N° of %j",
    (number) => {
      expect(invoiceKey(number)).toBe("CS-1");
    },
  );

  it("reads a number glued to No as that number", () => {
    expect(invoiceKey("No12")).toBe("12");
  });

  it("keeps letters that belong to the number", () => {
    expect(invoiceKey("NOV-12")).toBe("NOV-12");
    expect(invoiceKey("N-12")).toBe("N-12");
    expect(invoiceKey("Note-3")).toBe("NOTE-3");
  });

  it("keeps a number that is nothing but N°", () => {
    expect(invoiceKey("No")).toBe("NO");
  });
});

describe("a number that is its own key", () => {
  it("is returned as it is, and keys as the long way would", () => {
    for (const number of ["FA0000123", "2024-017", "F/2021.7", "A B"]) {
      expect(invoiceKey(number)).toBe(number);
      expect(invoiceKey(` ${number.toLowerCase()} `)).toBe(number);
    }
  });

  it("still loses a leading N° and still folds accents' case", () => {
    expect(invoiceKey("N°12")).toBe("12");
    expect(invoiceKey("NOV-12")).toBe("NOV-12");
    expect(invoiceKey("é-1")).toBe("É-1");
  });
});
