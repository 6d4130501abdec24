import { describe, expect, it } from "vitest";
import { EmailError } from "../../src/documents/emailError";
import { emailDate } from "../../src/documents/emailDate";

describe("emailDate", () => {
  it("dates the message at 09:00 in Paris, summer or winter", () => {
    expect(emailDate("2026-06-30")).toBe("Tue, 30 Jun 2026 09:00:00 +0200");
    expect(emailDate("2026-01-05")).toBe("Mon, 05 Jan 2026 09:00:00 +0100");
    expect(emailDate("2026-03-29")).toBe("Sun, 29 Mar 2026 09:00:00 +0200");
    expect(emailDate("2026-03-28")).toBe("Sat, 28 Mar 2026 09:00:00 +0100");
    expect(emailDate("2026-10-25")).toBe("Sun, 25 Oct 2026 09:00:00 +0100");
    expect(emailDate("2026-10-24", "17:30")).toBe("Sat, 24 Oct 2026 17:30:00 +0200");
    expect(() => emailDate("30/06/2026")).toThrow(EmailError);
  });
});
