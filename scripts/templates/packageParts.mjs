// The other parts of the .docx package (styles, settings, content types, relationships, document
// properties) and the package itself, zipped with fixed dates so that the output is reproducible.
import PizZip from "pizzip";
import { documentXml } from "./letterBody.mjs";
import { RECIPIENT_INDENT } from "./pageGeometry.mjs";
import { W_NS, escapeXml } from "./wordprocessingml.mjs";

/** A fixed date for every zip entry and the document properties, so that the output is reproducible. */
const STAMP = new Date(Date.UTC(2026, 0, 1, 0, 0, 0));
const STAMP_ISO = "2026-01-01T00:00:00Z";

function stylesXml(lang) {
  const n = lang.styleNames;
  const pStyle = (id, name, pPr, rPr, extra = "") =>
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${id}"><w:name w:val="${escapeXml(name)}"/><w:basedOn w:val="Normal"/>${extra}<w:qFormat/>` +
    `${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}</w:style>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles ${W_NS}>` +
    "<w:docDefaults><w:rPrDefault><w:rPr>" +
    '<w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>' +
    `<w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="${lang.lang}" w:eastAsia="en-US" w:bidi="ar-SA"/>` +
    '</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>' +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    pStyle("Entete", n.Entete, '<w:spacing w:after="40"/><w:jc w:val="left"/>', '<w:b/><w:bCs/><w:color w:val="1F3864"/><w:sz w:val="30"/><w:szCs w:val="30"/>') +
    pStyle("Coordonnees", n.Coordonnees, '<w:spacing w:after="0"/><w:jc w:val="left"/>', '<w:color w:val="404040"/><w:sz w:val="18"/><w:szCs w:val="18"/>') +
    pStyle("Destinataire", n.Destinataire, `<w:spacing w:after="0"/><w:ind w:left="${RECIPIENT_INDENT}"/><w:jc w:val="left"/>`, "") +
    pStyle("Objet", n.Objet, '<w:keepNext/><w:spacing w:before="240" w:after="240"/><w:jc w:val="left"/>', "") +
    pStyle("Titre", n.Titre, '<w:keepNext/><w:spacing w:before="360" w:after="120"/><w:jc w:val="center"/>', '<w:b/><w:bCs/><w:color w:val="1F3864"/><w:sz w:val="28"/><w:szCs w:val="28"/>') +
    pStyle("Intertitre", n.Intertitre, '<w:keepNext/><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="8EAADB"/></w:pBdr><w:spacing w:before="240" w:after="80"/><w:jc w:val="left"/>', '<w:b/><w:bCs/><w:color w:val="1F3864"/>') +
    pStyle("Encadre", n.Encadre, '<w:ind w:left="567"/><w:jc w:val="left"/>', "") +
    pStyle("Puce", n.Puce, '<w:spacing w:after="40"/><w:ind w:left="567" w:hanging="284"/><w:jc w:val="left"/>', "") +
    pStyle("Signature", n.Signature, `<w:keepNext/><w:spacing w:after="0"/><w:ind w:left="${RECIPIENT_INDENT}"/><w:jc w:val="left"/>`, "") +
    pStyle("Mentions", n.Mentions, '<w:pBdr><w:top w:val="single" w:sz="4" w:space="4" w:color="8EAADB"/></w:pBdr><w:spacing w:before="720" w:after="0"/><w:jc w:val="center"/>', '<w:color w:val="595959"/><w:sz w:val="15"/><w:szCs w:val="15"/>') +
    pStyle("Cellule", n.Cellule, '<w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/><w:jc w:val="left"/>', '<w:sz w:val="18"/><w:szCs w:val="18"/>') +
    pStyle("Saut", n.Saut, '<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>', '<w:sz w:val="2"/><w:szCs w:val="2"/>') +
    "</w:styles>"
  );
}

function settingsXml(lang) {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings ${W_NS}>` +
    `<w:defaultTabStop w:val="708"/><w:hyphenationZone w:val="425"/><w:characterSpacingControl w:val="doNotCompress"/>` +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
    `<w:themeFontLang w:val="${lang.lang}"/><w:decimalSymbol w:val="${lang.lang === "fr-FR" ? "," : "."}"/><w:listSeparator w:val=";"/></w:settings>`
  );
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
  '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
  "</Types>";

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
  "</Relationships>";

const DOCUMENT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>' +
  "</Relationships>";

function coreXml(lang, letter) {
  const title = lang.lang === "fr-FR" ? `Relances — modèle ${letter.title}` : `Relances — ${letter.title} template`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>Relances</dc:creator><cp:lastModifiedBy>Relances</cp:lastModifiedBy><dc:language>${lang.lang}</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${STAMP_ISO}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${STAMP_ISO}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

const APP_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
  'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Relances</Application><DocSecurity>0</DocSecurity>' +
  "<ScaleCrop>false</ScaleCrop><Company></Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0000</AppVersion></Properties>";

export function docx(lang, letter) {
  const zip = new PizZip();
  const add = (name, text) => zip.file(name, text, { date: STAMP, createFolders: false });
  add("[Content_Types].xml", CONTENT_TYPES);
  add("_rels/.rels", ROOT_RELS);
  add("word/document.xml", documentXml(lang, letter));
  add("word/_rels/document.xml.rels", DOCUMENT_RELS);
  add("word/styles.xml", stylesXml(lang));
  add("word/settings.xml", settingsXml(lang));
  add("docProps/core.xml", coreXml(lang, letter));
  add("docProps/app.xml", APP_XML);
  return zip.generate({ type: "nodebuffer", compression: "DEFLATE", platform: "DOS" });
}
