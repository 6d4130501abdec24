// Rows written into a sheet's XML: between and into the rows already there, never over a cell
// holding a value; and the values read back as exceljs reads them.
import { describe, expect, it } from "vitest";
import { cellXml, readSheetRows, rowOut, writeSheetRows, type CellOut, type RowOut } from "../../src/workbook/sheetXml";

const sheet = (rows: string): string =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:C3"/><sheetData>${rows}</sheetData></worksheet>`;
const rows = (entries: [number, [number, CellOut][]][]): Map<number, RowOut> => new Map(entries.map(([r, cells]) => [r, rowOut(r, new Map(cells))]));

describe("writeSheetRows", () => {
  const existing = sheet(
    '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="C1" s="4"/></row>' +
      '<row r="3"><c r="A3"><f>1+1</f><v>2</v></c></row><row r="7" s="2" customFormat="1"/>',
  );

  it("puts new rows in row order and cells into empty ones, keeping the cells that hold a value", () => {
    const out = writeSheetRows(existing, rows([
      [1, [[1, { value: "over" }], [2, { value: "B" }], [3, { value: 3 }]]],
      [2, [[1, { value: "deux", style: 5 }]]],
      [9, [[2, { value: true }]]],
      [7, [[1, { value: 7 }]]],
    ]));
    expect(out).toContain('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>B</t></is></c><c r="C1" s="4"><v>3</v></c></row>');
    expect(out).toContain('<row r="2"><c r="A2" s="5" t="inlineStr"><is><t>deux</t></is></c></row><row r="3"><c r="A3"><f>1+1</f><v>2</v></c></row>');
    expect(out).toContain('<row r="7" s="2" customFormat="1"><c r="A7"><v>7</v></c></row><row r="9"><c r="B9" t="b"><v>1</v></c></row></sheetData>');
    expect(out).toContain('<dimension ref="A1:C9"/>');
    expect(out).not.toContain("over");
  });

  it("appends rows below the last one, the rows there untouched", () => {
    const out = writeSheetRows(existing, rows([[8, [[2, { value: "huit" }]]], [10, [[1, { value: 10 }]]]]));
    expect(out).toBe(existing.replace("</sheetData>", '<row r="8"><c r="B8" t="inlineStr"><is><t>huit</t></is></c></row><row r="10"><c r="A10"><v>10</v></c></row></sheetData>').replace("A1:C3", "A1:C10"));
  });

  it("writes into an empty sheet", () => {
    expect(writeSheetRows("<worksheet><sheetData/></worksheet>", rows([[1, [[1, { value: 1 }]]]]))).toBe('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>');
  });
});

describe("cellXml", () => {
  it("writes text inline and escaped, never as a formula, its edge spaces kept", () => {
    expect(cellXml("A1", { value: "=1+1 & <b>", style: 3 })).toBe('<c r="A1" s="3" t="inlineStr"><is><t>=1+1 &amp; &lt;b&gt;</t></is></c>');
    expect(cellXml("A1", { value: " x " })).toBe('<c r="A1" t="inlineStr"><is><t xml:space="preserve"> x </t></is></c>');
    expect(cellXml("A1", { value: null, style: 2 })).toBe('<c r="A1" s="2"/>');
  });
});

describe("readSheetRows", () => {
  it("reads shared and inline strings, a formula's result, booleans and errors; skips rows without a value", () => {
    const xml = sheet(
      '<row r="2"><c r="B2" t="s"><v>1</v></c><c r="D2" t="inlineStr"><is><r><t>SCI </t></r><r><t>Les &amp; Tilleuls</t></r></is></c></row>' +
        '<row r="4"><c r="A4" s="1"/></row><row r="5"><c r="A5"><f>A1</f><v>45658</v></c><c r="B5" t="b"><v>1</v></c><c r="C5" t="e"><v>#N/A</v></c><c r="D5" t="str"><v>x</v></c></row>',
    );
    const { rows: read, lastUsedRow } = readSheetRows(xml, ["zéro", "un"]);
    expect(read).toEqual([
      { row: 2, cells: [null, "un", null, "SCI Les & Tilleuls"] },
      { row: 5, cells: [45658, true, "#N/A", "x"] },
    ]);
    expect(lastUsedRow).toBe(5);
  });
});
