// The one build of Relances: `npm run build` (also run by `npm install` through "prepare").
// Writes dist/ so that every https://localhost:3000/x/y URL of manifest.xml is the file dist/x/y:
//   functions/  functions.js (Excel's JS-only custom-functions runtime, ES2016: see
//               checkFunctionsRuntime), functions.json (from the JSDoc, custom-functions-metadata),
//               functions-fr.json (+ functions/functions.fr.json), functions.html
//   taskpane/   taskpane.html, taskpane.js, taskpane.css
//   assets/     icon-16/32/64/80/128.png (drawn here, see drawIcon)
//   cli/        relances.js (bin/relances.js imports it)
//   bench/      bench.js, when bench/bench.ts exists
// Prints one line per output and exits non-zero on any error.
import { deflateSync } from "node:zlib";
import { existsSync } from "node:fs";
import { copyFile, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { checkEs2016, formatFindings } from "./es2016.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist");
const started = Date.now();
// --quiet (npm start): one line for the whole build instead of one per file.
const quiet = process.argv.includes("--quiet");
let files = 0;

class BuildError extends Error {}

const rel = (file) => path.relative(root, file).split(path.sep).join("/");

async function report(file, note = "") {
  const { size } = await stat(file);
  const kb = size < 1024 ? `${size} B` : `${(size / 1024).toFixed(1)} kB`;
  files++;
  if (!quiet) console.log(`  ${rel(file).padEnd(34)} ${kb.padStart(9)}${note ? `  ${note}` : ""}`);
}

async function bundle(label, options) {
  let result;
  try {
    result = await esbuild.build({
      bundle: true,
      logLevel: "silent",
      sourcemap: "linked",
      charset: "utf8",
      metafile: true,
      ...options,
    });
  } catch (error) {
    const messages = error?.errors?.length
      ? await esbuild.formatMessages(error.errors, { kind: "error", color: false })
      : [String(error?.message ?? error)];
    throw new BuildError(`${label}:\n${messages.join("\n")}`);
  }
  await report(options.outfile, `(${label})`);
  printWarnings(result.warnings);
  return result;
}

/** One line per kind of warning, with where it occurs (esbuild's full text is one block per place). */
function printWarnings(warnings) {
  const groups = new Map();
  for (const w of warnings) {
    const key = `${w.id ? `[${w.id}] ` : ""}${w.text}`;
    const where = w.location ? `${w.location.file}:${w.location.line}` : null;
    const places = groups.get(key) ?? new Set();
    if (where) places.add(where);
    groups.set(key, places);
  }
  for (const [text, places] of groups) {
    const list = [...places];
    const shown = list.slice(0, 4).join(", ") + (list.length > 4 ? `, +${list.length - 4}` : "");
    console.warn(`    warning: ${text}${list.length ? ` (${shown})` : ""}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Custom functions

const FUNCTIONS_SOURCE = path.join(root, "functions", "functions.ts");
const FRENCH_SOURCE = path.join(root, "functions", "functions.fr.json");

/**
 * Excel's JavaScript-only custom-functions runtime is ES2016 in Office for Windows before version
 * 2403 and in perpetual Office 2019/2021: one piece of newer syntax there and the whole of
 * functions.js fails to load. esbuild lowers most of it; what it cannot lower (BigInt, some
 * regular expressions) fails the build, see checkFunctionsRuntime and scripts/es2016.mjs.
 */
const FUNCTIONS_TARGET = "es2016";

async function buildFunctions() {
  const outDir = path.join(dist, "functions");
  const outfile = path.join(outDir, "functions.js");
  const result = await bundle("Excel custom-functions runtime", {
    entryPoints: [FUNCTIONS_SOURCE],
    outfile,
    format: "iife",
    platform: "neutral",
    target: FUNCTIONS_TARGET,
    mainFields: ["module", "main"],
  });
  await checkFunctionsRuntime(outfile, result.warnings);

  const generated = await generateCustomFunctionsMetadata(FUNCTIONS_SOURCE, false);
  if (generated.errors.length > 0) {
    throw new BuildError(
      `${rel(FUNCTIONS_SOURCE)}: custom-functions-metadata reports ${generated.errors.length} error(s):\n` +
        generated.errors.map((e) => `  - ${e}`).join("\n"),
    );
  }
  if (!generated.metadataJson) {
    throw new BuildError(`${rel(FUNCTIONS_SOURCE)}: no function tagged @customfunction`);
  }
  const metadata = JSON.parse(generated.metadataJson);
  const metadataFile = path.join(outDir, "functions.json");
  await writeFile(metadataFile, JSON.stringify(metadata, null, 2) + "\n");
  await report(metadataFile, `(${metadata.functions.length} functions, English)`);

  const french = await readJson(FRENCH_SOURCE);
  const frenchMetadata = translateMetadata(metadata, french, rel(FRENCH_SOURCE));
  const frenchFile = path.join(outDir, "functions-fr.json");
  await writeFile(frenchFile, JSON.stringify(frenchMetadata, null, 2) + "\n");
  await report(frenchFile, "(French)");

  const pageFile = path.join(outDir, "functions.html");
  await copyFile(path.join(root, "functions", "functions.html"), pageFile);
  await report(pageFile);
}

/**
 * Fails the build when functions.js holds what an ES2016 engine cannot load or run: esbuild's
 * "not available in the configured target environment" warnings (a BigInt literal, import.meta),
 * the BigInt global, syntax newer than ES2016, regular expressions newer than ES2016. Built-ins
 * newer than ES2016 found by name (padStart, flatMap, globalThis...) are printed as warnings.
 */
async function checkFunctionsRuntime(file, bundleWarnings) {
  const fromBundle = bundleWarnings
    .filter((w) => /configured target environment/.test(w.text))
    .map((w) => (w.location ? `${w.location.file}:${w.location.line}:${w.location.column + 1}: ${w.text}` : w.text));
  const code = await readFile(file, "utf8");
  const { errors, warnings } = await checkEs2016(code, path.basename(file));
  for (const line of formatFindings(rel(file), warnings, code)) console.warn(`    warning: built-in newer than ES2016? ${line}`);
  const problems = [...fromBundle, ...formatFindings(rel(file), errors, code)];
  if (problems.length > 0) {
    throw new BuildError(
      `${rel(file)} would not load or run in Excel's ES2016 custom-functions runtime ` +
        `(Office for Windows before 2403, Office 2019/2021):\n` +
        problems.map((p) => `  - ${p}`).join("\n") +
        `\n  No BigInt, and no \\p{...}, lookbehind, named group or s flag in a regular expression.`,
    );
  }
}

async function readJson(file) {
  let text;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new BuildError(`${rel(file)}: cannot read (${error.code ?? error.message})`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BuildError(`${rel(file)}: invalid JSON (${error.message})`);
  }
}

// Excel function names: Unicode letters, digits, "_" and "."; a letter first; at least 3 characters.
const FUNCTION_NAME = /^\p{Lu}[\p{Lu}\p{Nd}_.]{2,}$/u;
const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
const isText = (v) => typeof v === "string" && v.trim() !== "";

/**
 * functions-fr.json: the English metadata with, for each function id, the name and description of
 * the function and of each parameter taken from functions.fr.json. Every id and every parameter must
 * have its French entry, and the French file must name nothing that does not exist.
 */
function translateMetadata(metadata, french, source) {
  const problems = [];
  if (!isObject(french)) throw new BuildError(`${source}: expected an object keyed by function id`);
  const ids = new Set(metadata.functions.map((f) => f.id));
  for (const id of Object.keys(french)) {
    if (!ids.has(id)) problems.push(`"${id}" is not the id of any @customfunction in functions.ts`);
  }
  const namesSeen = new Map();
  const functions = metadata.functions.map((fn) => {
    const fr = french[fn.id];
    if (!isObject(fr)) {
      problems.push(`${fn.id}: no French entry (expected { "name", "description", "parameters" })`);
      return fn;
    }
    for (const key of Object.keys(fr)) {
      if (!["name", "description", "parameters", "result"].includes(key)) {
        problems.push(`${fn.id}: unknown key "${key}"`);
      }
    }
    if (!isText(fr.name) || !FUNCTION_NAME.test(fr.name)) {
      problems.push(
        `${fn.id}: French name ${JSON.stringify(fr.name)} must be upper case, start with a letter and use only letters, digits, "_" and "." (3 characters or more)`,
      );
    } else if (namesSeen.has(fr.name)) {
      problems.push(`${fn.id}: French name ${fr.name} is also the name of ${namesSeen.get(fr.name)}`);
    } else {
      namesSeen.set(fr.name, fn.id);
    }
    if (!isText(fr.description)) problems.push(`${fn.id}: no French description`);
    if (fr.result !== undefined && !isObject(fr.result)) problems.push(`${fn.id}: "result" must be an object`);

    const frParameters = fr.parameters ?? {};
    if (!isObject(frParameters)) {
      problems.push(`${fn.id}: "parameters" must be an object keyed by the English parameter name`);
      return fn;
    }
    const parameterNames = new Set(fn.parameters.map((p) => p.name));
    for (const name of Object.keys(frParameters)) {
      if (!parameterNames.has(name)) {
        problems.push(`${fn.id}: "${name}" is not a parameter of ${fn.id} (parameters: ${[...parameterNames].join(", ") || "none"})`);
      }
    }
    const frenchParameterNames = new Set();
    const parameters = fn.parameters.map((parameter) => {
      const frParameter = frParameters[parameter.name];
      if (!isObject(frParameter)) {
        problems.push(`${fn.id}: parameter "${parameter.name}" has no French entry`);
        return parameter;
      }
      for (const key of Object.keys(frParameter)) {
        if (!["name", "description"].includes(key)) problems.push(`${fn.id}.${parameter.name}: unknown key "${key}"`);
      }
      if (!isText(frParameter.name) || /\s/.test(frParameter.name)) {
        problems.push(`${fn.id}.${parameter.name}: French name must be a word without spaces`);
      } else if (frenchParameterNames.has(frParameter.name)) {
        problems.push(`${fn.id}.${parameter.name}: French name "${frParameter.name}" is used twice`);
      } else {
        frenchParameterNames.add(frParameter.name);
      }
      if (!isText(frParameter.description)) problems.push(`${fn.id}.${parameter.name}: no French description`);
      return { ...parameter, name: frParameter.name, description: frParameter.description };
    });
    return { ...fn, name: fr.name, description: fr.description, parameters };
  });
  if (problems.length > 0) {
    throw new BuildError(
      `${source}: the French metadata does not match functions/functions.ts:\n` + problems.map((p) => `  - ${p}`).join("\n"),
    );
  }
  return { ...metadata, functions };
}

// ---------------------------------------------------------------------------------------------
// Task pane

async function buildTaskpane() {
  const outDir = path.join(dist, "taskpane");
  await mkdir(outDir, { recursive: true });
  for (const name of ["taskpane.html", "taskpane.css"]) {
    await copyFile(path.join(root, "taskpane", name), path.join(outDir, name));
    await report(path.join(outDir, name));
  }
  await bundle("task pane", {
    entryPoints: [path.join(root, "taskpane", "taskpane.ts")],
    outfile: path.join(outDir, "taskpane.js"),
    format: "iife",
    platform: "browser",
    target: "es2016",
  });
}

// ---------------------------------------------------------------------------------------------
// Node bundles: command line, benchmark

async function buildNode(label, entry, outfile) {
  await bundle(label, {
    entryPoints: [entry],
    outfile,
    format: "esm",
    platform: "node",
    target: "node20",
    packages: "external",
  });
}

// ---------------------------------------------------------------------------------------------
// Icons: a blue rounded square with a white envelope, drawn with 4x4 supersampling and written as
// RGBA PNG with node:zlib.

const ICON_SIZES = [16, 32, 64, 80, 128];
const BLUE = [0x1f, 0x5f, 0xae];
const WHITE = [0xff, 0xff, 0xff];

/** Colour at (x, y) in the unit square, or null for transparent. */
function iconColour(x, y) {
  // Rounded square, corner radius 0.2.
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  // Envelope body.
  const [left, right, top, bottom] = [0.18, 0.82, 0.28, 0.72];
  if (x < left || x > right || y < top || y > bottom) return BLUE;
  // Flap: a V from the top corners to the middle, drawn in blue.
  const flapY = top + (0.5 - Math.abs(x - 0.5)) * ((0.52 - top) / (0.5 - left));
  const thickness = 0.055;
  if (Math.abs(y - flapY) < thickness) return BLUE;
  return WHITE;
}

function drawIcon(size) {
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let red = 0, green = 0, blue = 0, alpha = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = iconColour((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (colour) {
            red += colour[0];
            green += colour[1];
            blue += colour[2];
            alpha += 1;
          }
        }
      }
      const offset = (py * size + px) * 4;
      if (alpha > 0) {
        pixels[offset] = Math.round(red / alpha);
        pixels[offset + 1] = Math.round(green / alpha);
        pixels[offset + 2] = Math.round(blue / alpha);
        pixels[offset + 3] = Math.round((255 * alpha) / (samples * samples));
      }
    }
  }
  return encodePng(size, size, pixels);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 8-bit RGBA PNG (colour type 6), every scanline with filter 0. */
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(raw, { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

async function buildIcons() {
  const outDir = path.join(dist, "assets");
  await mkdir(outDir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    await writeFile(file, drawIcon(size));
    await report(file, `(${size}x${size})`);
  }
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (!quiet) console.log(`Relances build -> ${rel(dist)}/`);
  await rm(dist, { recursive: true, force: true });
  await mkdir(dist, { recursive: true });
  await buildFunctions();
  await buildTaskpane();
  await buildIcons();
  await buildNode("command line", path.join(root, "src", "cli", "relances.ts"), path.join(dist, "cli", "relances.js"));
  const bench = path.join(root, "bench", "bench.ts");
  if (existsSync(bench)) {
    await buildNode("benchmark", bench, path.join(dist, "bench", "bench.js"));
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(quiet ? `Relances build -> ${rel(dist)}/ (${files} fichiers / files, ${seconds} s)` : `Relances build done in ${seconds} s`);
}

main().catch((error) => {
  if (error instanceof BuildError) {
    console.error(`\nBuild failed / échec de la construction:\n${error.message}`);
  } else {
    console.error("\nBuild failed / échec de la construction:");
    console.error(error);
  }
  process.exitCode = 1;
});
