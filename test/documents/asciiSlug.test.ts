import { describe, expect, it } from "vitest";
import { asciiSlug } from "../../src/documents/asciiSlug";

describe("asciiSlug", () => {
  it("slugs names into ASCII file names", () => {
    expect(asciiSlug("SARL Hôtel du Château")).toBe("sarl-hotel-du-chateau");
    expect(asciiSlug("Œuvres & Cœur")).toBe("oeuvres-coeur");
    expect(asciiSlug("東京")).toBe("client");
    expect(asciiSlug("a".repeat(100))).toHaveLength(60);
  });
});
