// The zip writer: entries kept from an archive go in as their compressed bytes, new ones deflated by
// zlib; what it writes opens with PizZip and exceljs, and the same entries give the same bytes.
import ExcelJS from "exceljs";
import PizZip from "pizzip";
import { describe, expect, it } from "vitest";
import { OfficePackage } from "../../src/workbook/opcPackage";
import { deflatePackage, deflatedEntry, storedEntry, writeZip } from "../../src/workbook/zipWriter";
import { entryContent, readZip } from "../../src/workbook/zipReader";

const STAMP = new Date("2026-06-30T12:00:00Z");
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const LONG = "<w:p>Madame, Monsieur, sauf erreur de notre part, la facture reste impayée.</w:p>".repeat(200);

/** A .docx-like package whose entries are all stored, as a writer free of Node makes them. */
function storedDocx(): Uint8Array {
  const zip = new PizZip();
  zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types/>');
  zip.file("word/document.xml", LONG);
  zip.file("word/média é.xml", "accents in the name");
  zip.file("word/empty.xml", "");
  return zip.generate({ type: "uint8array", compression: "STORE" });
}

describe("writeZip", () => {
  it("writes stored and deflated entries that PizZip reads back, names in UTF-8", async () => {
    const bytes = writeZip([storedEntry("a.txt", encode("stored"), STAMP), await deflatedEntry("dossier/é.xml", encode(LONG), STAMP)]);
    const zip = new PizZip(bytes);
    expect(zip.file("a.txt")!.asText()).toBe("stored");
    expect(zip.file("dossier/é.xml")!.asText()).toBe(LONG);
    expect(bytes.length).toBeLessThan(LONG.length / 5);
  });

  it("dates the entries it writes from the moment's UTC fields, in any time zone", () => {
    const [entry] = readZip(writeZip([storedEntry("a.txt", encode("x"), STAMP)]));
    expect(entry!.dosDate).toBe(((2026 - 1980) << 9) | (6 << 5) | 30);
    expect(entry!.dosTime).toBe(12 << 11);
  });
});

describe("deflatePackage", () => {
  it("deflates a stored package: the same entries, smaller, and the same bytes each time", async () => {
    const stored = storedDocx();
    const deflated = await deflatePackage(stored);
    expect(deflated.length).toBeLessThan(stored.length / 5);
    const before = new PizZip(stored);
    const after = new PizZip(deflated);
    expect(Object.keys(after.files)).toEqual(Object.keys(before.files));
    for (const name of Object.keys(before.files)) expect(after.file(name)!.asText(), name).toBe(before.file(name)!.asText());
    expect(readZip(deflated).map((e) => [e.name, e.method])).toEqual([
      ["[Content_Types].xml", 8],
      ["word/document.xml", 8],
      ["word/média é.xml", 8],
      ["word/empty.xml", 0],
    ]);
    expect(readZip(deflated).map((e) => [e.dosTime, e.dosDate])).toEqual(readZip(stored).map((e) => [e.dosTime, e.dosDate]));
    expect(await deflatePackage(stored)).toEqual(deflated);
  });

  it("keeps an entry already deflated as its very bytes", async () => {
    const mixed = new PizZip(storedDocx()).generate({ type: "uint8array", compression: "DEFLATE" });
    const again = await deflatePackage(mixed);
    expect(readZip(again).map((e) => e.raw)).toEqual(readZip(mixed).map((e) => e.raw));
  });
});

describe("OfficePackage", () => {
  it("writes the parts it did not change as their compressed bytes, the changed ones anew, and exceljs opens it", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Suivi").addRow(["Client", "Montant"]);
    const original = new Uint8Array(await workbook.xlsx.writeBuffer());
    const zip = new OfficePackage(original);
    zip.set("docProps/custom.xml", "<Properties/>");
    zip.remove("docProps/app.xml");
    const bytes = await zip.write(STAMP);
    const before = new Map(readZip(original).map((e) => [e.name, e]));
    const after = readZip(bytes);
    expect(after.map((e) => e.name)).toEqual([...[...before.keys()].filter((name) => name !== "docProps/app.xml"), "docProps/custom.xml"]);
    for (const entry of after.filter((e) => e.name !== "docProps/custom.xml")) expect(entry.raw, entry.name).toEqual(before.get(entry.name)!.raw);
    expect(new TextDecoder().decode(entryContent(after.at(-1)!))).toBe("<Properties/>");
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(back.getWorksheet("Suivi")!.getCell("B1").value).toBe("Montant");
    expect(await zip.write(STAMP)).toEqual(bytes);
  });
});
