import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DATE_FORMAT,
  excelDateFromSerial,
  plainCellValue,
  safeCellValue,
  TEXT_FORMAT,
  writeCell,
} from "../../src/workbook/safeCell";
import { isFormulaLike, MAX_CELL_TEXT } from "../../src/engine/cellText";

/** Names that would run or turn into something else if Excel read them as typed. */
const DANGEROUS = ['=HYPERLINK("http://x","y")', "+33 1 23", "-12", "@Home", "=cmd|' /C calc'!A0", "\t=1+1", " =SUM(A1:A2)"];

/** The files of a zip archive (an .xlsx), read with node's zlib: stored or deflated entries. */
function unzip(buffer: Buffer): Map<string, string> {
  const files = new Map<string, string>();
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = buffer.readUInt16LE(at + 10);
    const size = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString("utf8", at + 46, at + 46 + nameLength);
    const dataStart = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const data = buffer.subarray(dataStart, dataStart + size);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString("utf8"));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

describe("values written into cells", () => {
  it("keep formula-like text as the exact same string, never a formula object", () => {
    for (const name of DANGEROUS) {
      expect(safeCellValue(name)).toBe(name);
      expect(isFormulaLike(name), name).toBe(true);
    }
    expect(isFormulaLike("SCI Les Tilleuls")).toBe(false);
    expect(isFormulaLike("Dupont-Martin")).toBe(false);
  });

  it("drop the characters an xlsx file cannot hold, and cut text at Excel's limit", () => {
    expect(safeCellValue("a\u0000b\u0007c\u000Bd\uFFFEe\uD800f")).toBe("abcdef");
    expect(safeCellValue("ligne 1\nligne 2\ttab")).toBe("ligne 1\nligne 2\ttab");
    expect(safeCellValue("😀".repeat(20000))).toHaveLength(MAX_CELL_TEXT - 1);
    expect(safeCellValue("x".repeat(40000))).toHaveLength(MAX_CELL_TEXT);
  });

  it("write numbers that are not finite and empty text as empty cells", () => {
    expect(safeCellValue(Number.NaN)).toBeNull();
    expect(safeCellValue(Number.POSITIVE_INFINITY)).toBeNull();
    expect(safeCellValue("")).toBeNull();
    expect(safeCellValue(-0)).toBe(0);
    expect(safeCellValue(true)).toBe(true);
    expect(safeCellValue(null)).toBeNull();
  });

  it("refuse a formula object smuggled past the types", () => {
    expect(() => safeCellValue({ formula: "1+1" } as unknown as string)).toThrow(TypeError);
  });
});

describe("dates", () => {
  it("are built at midnight UTC of the calendar day, whatever the time zone", () => {
    expect(excelDateFromSerial(45658)?.toISOString()).toBe("2025-01-01T00:00:00.000Z");
    expect(excelDateFromSerial(45658.75)?.toISOString()).toBe("2025-01-01T00:00:00.000Z");
    expect(excelDateFromSerial(60)).toBeUndefined();
  });

  it("read back as the same serial", () => {
    expect(plainCellValue(new Date(Date.UTC(2025, 0, 1)))).toBe(45658);
    expect(plainCellValue(new Date(Date.UTC(2024, 1, 29, 12)))).toBe(45351.5);
  });
});

describe("values read from cells", () => {
  it("give a formula's cached result, rich text's and a hyperlink's text, an error's code", () => {
    expect(plainCellValue({ formula: "A1+1", result: 3 })).toBe(3);
    expect(plainCellValue({ formula: "A1", result: new Date(Date.UTC(2025, 0, 1)) })).toBe(45658);
    expect(plainCellValue({ formula: "A1" } as ExcelJS.CellFormulaValue)).toBeNull();
    expect(plainCellValue({ sharedFormula: "A2", result: "x" } as unknown as ExcelJS.CellValue)).toBe("x");
    expect(plainCellValue({ richText: [{ text: "SCI " }, { text: "Les Tilleuls", font: { bold: true } }] })).toBe(
      "SCI Les Tilleuls",
    );
    expect(plainCellValue({ text: "Dupont", hyperlink: "mailto:d@x.fr" })).toBe("Dupont");
    expect(plainCellValue({ error: "#N/A" } as ExcelJS.CellErrorValue)).toBe("#N/A");
    expect(plainCellValue(undefined)).toBeNull();
  });
});

describe("an xlsx file written through writeCell", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "relances-safecell-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function written(): Promise<{ file: string; buffer: Buffer }> {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet("Noms");
    DANGEROUS.forEach((name, i) => writeCell(ws.getCell(i + 1, 1), name));
    writeCell(ws.getCell(1, 2), 45658, "date");
    writeCell(ws.getCell(2, 2), "SCI Les Tilleuls");
    const file = path.join(dir, "noms.xlsx");
    await workbook.xlsx.writeFile(file);
    return { file, buffer: await readFile(file) };
  }

  it("holds formula-like names as plain strings with no formula, marked Text", async () => {
    const { file } = await written();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const ws = workbook.getWorksheet("Noms")!;
    DANGEROUS.forEach((name, i) => {
      const cell = ws.getCell(i + 1, 1);
      expect(cell.type, name).toBe(ExcelJS.ValueType.String);
      expect(cell.formula, name).toBeUndefined();
      expect(cell.value, name).toBe(name);
      expect(cell.numFmt, name).toBe(TEXT_FORMAT);
    });
    expect(ws.getCell(2, 2).numFmt).toBeUndefined();
  });

  it("has no formula element in the sheet's XML, and the names among the shared strings", async () => {
    const { buffer } = await written();
    const files = unzip(buffer);
    const sheet = files.get("xl/worksheets/sheet1.xml")!;
    expect(sheet).toContain("<sheetData>");
    expect(sheet).not.toMatch(/<f[ >]/);
    expect(sheet).not.toMatch(/t="str"/);
    expect(files.get("xl/sharedStrings.xml")).toContain("=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)");
  });

  it("holds dates as real dates shown dd/mm/yyyy, on the right day", async () => {
    const { file } = await written();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const cell = workbook.getWorksheet("Noms")!.getCell(1, 2);
    expect(cell.type).toBe(ExcelJS.ValueType.Date);
    expect(cell.numFmt).toBe(DATE_FORMAT);
    expect(plainCellValue(cell.value)).toBe(45658);
  });
});
