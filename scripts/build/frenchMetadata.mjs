// functions-fr.json: the French names and descriptions of the custom functions, from
// functions/functions.fr.json laid over the English metadata that custom-functions-metadata
// generates from the JSDoc. Every mismatch between the two files fails the build.
import { BuildError } from "./buildLog.mjs";

// Excel function names: Unicode letters, digits, "_" and "."; a letter first; at least 3 characters.
const FUNCTION_NAME = /^\p{Lu}[\p{Lu}\p{Nd}_.]{2,}$/u;
const isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
const isText = (v) => typeof v === "string" && v.trim() !== "";

/**
 * functions-fr.json: the English metadata with, for each function id, the name and description of
 * the function and of each parameter taken from functions.fr.json. Every id and every parameter must
 * have its French entry, and the French file must name nothing that does not exist.
 */
export function translateMetadata(metadata, french, source) {
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
