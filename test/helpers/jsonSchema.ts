// A small JSON Schema validator for the keywords our schemas use: type, enum, const, pattern (with
// the u flag, as JSON Schema regular expressions are Unicode), minLength, minItems, required,
// properties, additionalProperties (boolean or schema), items (one schema), $ref to
// "#/definitions/...". An unknown keyword is an error, so that a schema never checks less than it
// reads. (ajv is only a transitive dependency here, so it is not relied on.)

export type Schema = { [keyword: string]: unknown };

const KNOWN = new Set([
  "$schema", "$id", "title", "description",
  "type", "enum", "const", "pattern", "minLength", "minItems",
  "required", "properties", "additionalProperties", "items", "$ref", "definitions",
]);

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === "number" && actual === "integer");
}

export function validateJson(rootSchema: Schema, value: unknown): string[] {
  const errors: string[] = [];

  const resolve = (ref: string): Schema => {
    const match = /^#\/definitions\/([^/]+)$/.exec(ref);
    const definitions = rootSchema.definitions as Record<string, Schema> | undefined;
    const target = match ? definitions?.[match[1]!] : undefined;
    if (!target) throw new Error(`unsupported or unknown $ref ${ref}`);
    return target;
  };

  const visit = (schema: Schema, data: unknown, at: string): void => {
    for (const keyword of Object.keys(schema)) {
      if (!KNOWN.has(keyword)) throw new Error(`schema keyword "${keyword}" is not supported by this validator`);
    }
    if (typeof schema.$ref === "string") {
      visit(resolve(schema.$ref), data, at);
      return;
    }
    const where = at || "/";
    if (schema.type !== undefined) {
      const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
      if (!types.some((t) => matchesType(data, t))) {
        errors.push(`${where}: expected ${types.join(" or ")}, got ${typeOf(data)}`);
        return;
      }
    }
    if (Array.isArray(schema.enum) && !schema.enum.some((allowed) => allowed === data)) {
      errors.push(`${where}: ${JSON.stringify(data)} is not one of ${JSON.stringify(schema.enum)}`);
    }
    if ("const" in schema && schema.const !== data) {
      errors.push(`${where}: expected ${JSON.stringify(schema.const)}`);
    }
    if (typeof data === "string") {
      if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(data)) {
        errors.push(`${where}: ${JSON.stringify(data)} does not match ${schema.pattern}`);
      }
      if (typeof schema.minLength === "number" && [...data].length < schema.minLength) {
        errors.push(`${where}: shorter than ${schema.minLength}`);
      }
    }
    if (Array.isArray(data)) {
      if (typeof schema.minItems === "number" && data.length < schema.minItems) {
        errors.push(`${where}: fewer than ${schema.minItems} items`);
      }
      if (schema.items && typeof schema.items === "object") {
        data.forEach((item, index) => visit(schema.items as Schema, item, `${at}/${index}`));
      }
    }
    if (typeOf(data) === "object") {
      const object = data as Record<string, unknown>;
      for (const name of (schema.required as string[] | undefined) ?? []) {
        if (!(name in object)) errors.push(`${where}: missing required property "${name}"`);
      }
      const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
      for (const [name, propertyValue] of Object.entries(object)) {
        const propertySchema = properties[name];
        if (propertySchema) {
          visit(propertySchema, propertyValue, `${at}/${name}`);
        } else if (schema.additionalProperties === false) {
          errors.push(`${where}: unexpected property "${name}"`);
        } else if (schema.additionalProperties && typeof schema.additionalProperties === "object") {
          visit(schema.additionalProperties as Schema, propertyValue, `${at}/${name}`);
        }
      }
    }
  };

  visit(rootSchema, value, "");
  return errors;
}
