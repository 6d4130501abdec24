// Adds to an .xlsx what exceljs does not model, as Excel writes it: a chart on the first sheet
// (drawing + chart parts), a VBA project (which makes it an .xlsm) and a custom XML part. The run's
// copy must keep them all.
import PizZip from "pizzip";

const CHART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>'Suivi 2026'!$E$5:$E$10</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart><c:catAx><c:axId val="1"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="2"/></c:catAx><c:valAx><c:axId val="2"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="1"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;

const DRAWING = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><xdr:twoCellAnchor><xdr:from><xdr:col>20</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>27</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Graphique 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;

const RELS = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The parts added, by path: what the copy must hold byte for byte. */
export const EXTRA_PARTS = ["xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels", "xl/charts/chart1.xml", "xl/vbaProject.bin", "customXml/item1.xml"];

/** A VBA project's bytes: opaque to every tool here, so any change would show. */
export const VBA_BYTES = new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251));

export function withChartAndMacros(xlsx: Uint8Array): Uint8Array {
  const zip = new PizZip(xlsx);
  const sheet = "xl/worksheets/sheet1.xml";
  const sheetRels = "xl/worksheets/_rels/sheet1.xml.rels";
  const rels = zip.file(sheetRels)?.asText();
  const relBody = `<Relationship Id="rIdChart1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/>`;
  zip.file(sheetRels, rels === undefined ? RELS(relBody) : rels.replace("</Relationships>", `${relBody}</Relationships>`));
  // <drawing> comes before these in a worksheet (ECMA-376 part 1, 18.3.1.99).
  const xml = zip.file(sheet)!.asText();
  const before = /<(legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/.exec(xml)!;
  zip.file(sheet, `${xml.slice(0, before.index)}<drawing r:id="rIdChart1"/>${xml.slice(before.index)}`);
  zip.file("xl/drawings/drawing1.xml", DRAWING);
  zip.file("xl/drawings/_rels/drawing1.xml.rels", RELS(`<Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart1.xml"/>`));
  zip.file("xl/charts/chart1.xml", CHART);
  zip.file("xl/vbaProject.bin", VBA_BYTES);
  zip.file("customXml/item1.xml", `<?xml version="1.0" encoding="UTF-8"?><relances-test>garde-moi</relances-test>`);
  const workbookRels = zip.file("xl/_rels/workbook.xml.rels")!.asText();
  zip.file(
    "xl/_rels/workbook.xml.rels",
    workbookRels.replace(
      "</Relationships>",
      `<Relationship Id="rIdVba1" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/>` +
        `<Relationship Id="rIdCustom1" Type="${REL}/customXml" Target="../customXml/item1.xml"/></Relationships>`,
    ),
  );
  const types = zip.file("[Content_Types].xml")!.asText();
  zip.file(
    "[Content_Types].xml",
    types
      .replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
      .replace(
        "</Types>",
        `<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>` +
          `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
          `<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`,
      ),
  );
  return zip.generate({ type: "uint8array", compression: "DEFLATE" });
}
