import { describe, expect, it } from "vitest";
import { parseReminderLevel, reminderLevelLabel, reminderStage } from "../../src/core/reminderLevel";

describe("reminder levels", () => {
  it("reads the journal's labels and the numbers 0 to 4", () => {
    expect(parseReminderLevel("Préventive")).toBe(0);
    expect(parseReminderLevel("relance 1")).toBe(1);
    expect(parseReminderLevel("RELANCE 2")).toBe(2);
    expect(parseReminderLevel("Mise en demeure")).toBe(3);
    expect(parseReminderLevel("Injonction")).toBe(4);
    expect(parseReminderLevel(3)).toBe(3);
    expect(parseReminderLevel("4")).toBe(4);
  });
  it("reads the English words and the seeds' ordinals", () => {
    expect(parseReminderLevel("Formal notice")).toBe(3);
    expect(parseReminderLevel("1ère relance")).toBe(1);
    expect(parseReminderLevel("2ème relance")).toBe(2);
  });
  it("names nothing for other values", () => {
    expect(parseReminderLevel(5)).toBeUndefined();
    expect(parseReminderLevel(1.5)).toBeUndefined();
    expect(parseReminderLevel("relance 7")).toBeUndefined();
    expect(parseReminderLevel(null)).toBeUndefined();
  });
  it("labels French first, English on request, stages for files", () => {
    expect(reminderLevelLabel(3)).toBe("Mise en demeure");
    expect(reminderLevelLabel(3, "en")).toBe("Formal notice");
    expect(reminderStage(3)).toBe("formal_notice");
  });
});
