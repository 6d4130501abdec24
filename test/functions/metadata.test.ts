// dist/functions/functions.json (English, generated from the JSDoc) and functions-fr.json (French,
// the same with functions/functions.fr.json's names and descriptions), checked offline against
// customFunctionsMetadata.schema.json and against each other.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DIST, ROOT } from "../helpers/addin";
import { validateJson, type Schema } from "../helpers/jsonSchema";

interface Parameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: Parameter[];
  result?: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}
interface Metadata {
  functions: Fn[];
}

const readJson = <T>(file: string): T => {
  if (!existsSync(file)) throw new Error(`${path.relative(ROOT, file)} is missing: run "npm run build" first`);
  return JSON.parse(readFileSync(file, "utf8")) as T;
};

const schema = readJson<Schema>(path.join(ROOT, "test", "functions", "customFunctionsMetadata.schema.json"));
const english = readJson<Metadata>(path.join(DIST, "functions", "functions.json"));
const french = readJson<Metadata>(path.join(DIST, "functions", "functions-fr.json"));
const frenchSource = readJson<Record<string, { name: string; description: string; parameters?: Record<string, Parameter> }>>(
  path.join(ROOT, "functions", "functions.fr.json"),
);

/** SPEC section 6: English id and French name of each function. */
const SPEC_NAMES: Record<string, string> = {
  DUEDATE: "ECHEANCE",
  DAYSOVERDUE: "JOURS.RETARD",
  AGINGBUCKET: "TRANCHE.AGE",
  LATEINTEREST: "PENALITES.RETARD",
  RECOVERYFEE: "INDEMNITE.FORFAITAIRE",
  NEXTSTAGE: "ETAPE.RELANCE",
  AGINGSUMMARY: "BALANCE.AGEE",
  DSO: "DSO",
};

const shape = (p: Parameter) => ({
  type: p.type ?? "any",
  dimensionality: p.dimensionality ?? "scalar",
  optional: p.optional ?? false,
  repeating: p.repeating ?? false,
});

describe("the metadata schema check", () => {
  const valid = { functions: [{ id: "ADD.TWO", name: "AJOUTE", parameters: [{ name: "x", type: "number" }] }] };

  it("accepts a minimal valid file", () => {
    expect(validateJson(schema, valid)).toEqual([]);
  });

  it.each([
    ["a lower-case id", { functions: [{ ...valid.functions[0], id: "add" }] }, /\/functions\/0\/id/],
    ["a name of two characters", { functions: [{ ...valid.functions[0], name: "AB" }] }, /\/functions\/0\/name/],
    ["an unknown parameter type", { functions: [{ ...valid.functions[0], parameters: [{ name: "x", type: "date" }] }] }, /type/],
    ["a bad dimensionality", { functions: [{ ...valid.functions[0], result: { dimensionality: "vector" } }] }, /dimensionality/],
    ["a non-boolean option", { functions: [{ ...valid.functions[0], options: { volatile: "yes" } }] }, /volatile/],
    ["an unknown option", { functions: [{ ...valid.functions[0], options: { fast: true } }] }, /fast/],
    ["a function without parameters array", { functions: [{ id: "A1B", name: "ABC" }] }, /parameters/],
    ["no functions", { functions: [] }, /fewer than 1/],
  ])("rejects %s", (_label, data, message) => {
    const errors = validateJson(schema, data);
    expect(errors.join("\n")).toMatch(message);
  });
});

describe.each([
  ["functions.json", english],
  ["functions-fr.json", french],
])("dist/functions/%s", (_file, metadata) => {
  it("is valid against customFunctionsMetadata.schema.json", () => {
    expect(validateJson(schema, metadata)).toEqual([]);
  });

  it("has unique ids and names, a description for every function and parameter", () => {
    const ids = metadata.functions.map((f) => f.id);
    const names = metadata.functions.map((f) => f.name);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(names).size).toBe(names.length);
    for (const fn of metadata.functions) {
      expect(fn.description?.trim(), `${fn.id} description`).toBeTruthy();
      const parameterNames = fn.parameters.map((p) => p.name);
      expect(new Set(parameterNames).size, `${fn.id} parameter names`).toBe(parameterNames.length);
      for (const p of fn.parameters) expect(p.description?.trim(), `${fn.id}.${p.name} description`).toBeTruthy();
    }
  });

  it("has no volatile, streaming or cancelable function", () => {
    for (const fn of metadata.functions) {
      expect(fn.options?.volatile ?? false, `${fn.id} volatile`).toBe(false);
      expect(fn.options?.stream ?? false, `${fn.id} stream`).toBe(false);
      expect(fn.options?.cancelable ?? false, `${fn.id} cancelable`).toBe(false);
    }
  });

  it("puts optional parameters after the required ones", () => {
    for (const fn of metadata.functions) {
      const firstOptional = fn.parameters.findIndex((p) => p.optional || p.repeating);
      if (firstOptional >= 0) {
        expect(fn.parameters.slice(firstOptional).every((p) => p.optional || p.repeating), fn.id).toBe(true);
      }
    }
  });
});

describe("English and French metadata", () => {
  it("have the functions of SPEC section 6, English names = ids, French names from the SPEC", () => {
    expect(english.functions.map((f) => f.id).sort()).toEqual(Object.keys(SPEC_NAMES).sort());
    for (const fn of english.functions) expect(fn.name, fn.id).toBe(fn.id);
    for (const fn of french.functions) expect(fn.name, fn.id).toBe(SPEC_NAMES[fn.id]);
  });

  it("have the same ids in the same order", () => {
    expect(french.functions.map((f) => f.id)).toEqual(english.functions.map((f) => f.id));
  });

  it("have the same parameters (count, type, dimensionality, optional), result and options", () => {
    english.functions.forEach((en, index) => {
      const fr = french.functions[index]!;
      expect(fr.parameters.map(shape), en.id).toEqual(en.parameters.map(shape));
      expect(fr.result, `${en.id} result`).toEqual(en.result);
      expect(fr.options, `${en.id} options`).toEqual(en.options);
      expect(fr.helpUrl, `${en.id} helpUrl`).toEqual(en.helpUrl);
    });
  });

  it("translate every description and parameter name", () => {
    english.functions.forEach((en, index) => {
      const fr = french.functions[index]!;
      expect(fr.description, `${en.id} description`).not.toBe(en.description);
      en.parameters.forEach((p, i) => {
        expect(fr.parameters[i]!.name, `${en.id}.${p.name} name`).not.toBe(p.name);
        expect(fr.parameters[i]!.description, `${en.id}.${p.name} description`).not.toBe(p.description);
      });
    });
  });

  it("take the French names and descriptions from functions/functions.fr.json", () => {
    for (const [index, en] of english.functions.entries()) {
      const fr = french.functions[index]!;
      const source = frenchSource[en.id]!;
      expect(fr.name).toBe(source.name);
      expect(fr.description).toBe(source.description);
      en.parameters.forEach((p, i) => {
        expect(fr.parameters[i]!.name).toBe(source.parameters?.[p.name]?.name);
        expect(fr.parameters[i]!.description).toBe(source.parameters?.[p.name]?.description);
      });
    }
  });
});
