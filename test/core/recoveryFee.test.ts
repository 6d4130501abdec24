import { describe, expect, it } from "vitest";
import { RECOVERY_FEE, recoveryFee } from "../../src/core/recoveryFee";

describe("recoveryFee", () => {
  it("is EUR 40 (D441-5)", () => {
    expect(RECOVERY_FEE).toBe(4000);
  });

  it("is owed by every business customer", () => {
    expect(recoveryFee("professionnel")).toBe(4000);
    expect(recoveryFee("architecte")).toBe(4000);
    expect(recoveryFee("promoteur")).toBe(4000);
  });

  it("is owed by a public buyer", () => {
    expect(recoveryFee("collectivite")).toBe(4000);
  });

  it("a particulier owes no recovery fee", () => {
    expect(recoveryFee("particulier")).toBe(0);
  });
});
