import { describe, expect, it } from "vitest";
import { internationalPhone } from "../../src/core/phoneNumber";

describe("internationalPhone", () => {
  it("writes a French number as a reader abroad dials it", () => {
    for (const typed of ["05 61 00 00 00", "05.61.00.00.00", "0561000000", "05-61-00-00-00", "+33 5 61 00 00 00", "+33 (0)5 61 00 00 00", "0033 5 61 00 00 00"]) {
      expect(internationalPhone(typed), typed).toBe("+33 5 61 00 00 00");
    }
    expect(internationalPhone("06 39 98 12 40")).toBe("+33 6 39 98 12 40");
  });

  it("leaves any other number as typed", () => {
    expect(internationalPhone("020 7946 0321")).toBe("020 7946 0321");
    expect(internationalPhone("+44 20 7946 0321")).toBe("+44 20 7946 0321");
    expect(internationalPhone("3615")).toBe("3615");
  });
});
