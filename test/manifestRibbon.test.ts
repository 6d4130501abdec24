// The ribbon button of manifest.xml: on the Home tab, « Relances », opening the task pane, with
// its icons at every size Office asks for (16, 32 and 80, and 20, 24, 40, 48 and 64 for high-DPI
// screens), each a PNG of that size that the build writes into dist/assets.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { distPathOf, readManifest, resolveResid } from "./helpers/addin";
import { child, findAll } from "./helpers/xml";

const SIZES = ["16", "20", "24", "32", "40", "48", "64", "80"];
const manifest = readManifest();

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe("the ribbon button", () => {
  const tab = findAll(manifest, "OfficeTab").find((t) => t.attributes.id === "TabHome");
  const button = tab && findAll(tab, "Control").find((c) => c.attributes["xsi:type"] === "Button");

  it("is on the Home tab, labelled « Relances » in French and English, and opens the task pane", () => {
    expect(button).toBeDefined();
    const label = resolveResid(manifest, child(button!, "Label")?.attributes.resid);
    expect(label.defaultValue).toBe("Relances");
    expect(label.overrides["en-US"]).toBe("Relances");
    const action = child(button!, "Action")!;
    expect(action.attributes["xsi:type"]).toBe("ShowTaskpane");
    expect(resolveResid(manifest, child(action, "SourceLocation")?.attributes.resid).defaultValue).toBe("https://localhost:3000/taskpane/pane.html");
  });

  it("has its group's and its own icons at every size Office asks for, each a PNG of that size", () => {
    const group = findAll(tab!, "Group")[0]!;
    for (const owner of [group, button!]) {
      const images = findAll(child(owner, "Icon")!, "Image");
      expect(images.map((image) => image.attributes.size)).toEqual(SIZES);
      for (const image of images) {
        const url = resolveResid(manifest, image.attributes.resid).defaultValue;
        const size = Number(image.attributes.size);
        expect(pngSize(distPathOf(url)!), url).toEqual([size, size]);
      }
    }
  });
});
