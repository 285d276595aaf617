// The readable API reference (/docs/api) is drawn from the OpenAPI document: these helpers flatten
// its JSON Schemas into rows of fields ("attribution.type — click | promo_code | none").
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
};

export type Components = Record<string, JsonSchema>;
export type FieldRow = { path: string; type: string; required: boolean; notes: string; /** the named schema the type refers to, to link to */ ref?: string };

const refName = (ref: string) => ref.split("/").at(-1) ?? ref;

export function resolveSchema(schema: JsonSchema, components: Components): JsonSchema {
  let current = schema;
  for (let depth = 0; current.$ref && depth < 10; depth++) current = components[refName(current.$ref)] ?? {};
  return current;
}

const SAFE_BOUND = 2 ** 53 - 1;

/** A short type label: "string", "integer | null", "one of click, promo_code, none", "list of Link". */
export function typeLabel(schema: JsonSchema, components: Components): string {
  if (schema.$ref) return refName(schema.$ref);
  if (schema.enum) return `one of ${schema.enum.map(String).join(", ")}`;
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return [...new Set(union.map((part) => typeLabel(part, components)))].join(" | ");
  if (schema.type === "array" && schema.items) return `list of ${typeLabel(schema.items, components)}`;
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "any");
  return schema.format ? `${type} (${schema.format})` : type;
}

function notes(schema: JsonSchema): string {
  const parts: string[] = [];
  if (schema.description) parts.push(schema.description);
  const range = (min?: number, max?: number, unit = "") => {
    const lo = min !== undefined && Math.abs(min) < SAFE_BOUND ? min : undefined;
    const hi = max !== undefined && Math.abs(max) < SAFE_BOUND ? max : undefined;
    if (lo !== undefined && hi !== undefined) parts.push(`${lo}–${hi}${unit}`);
    else if (lo !== undefined && lo > 0) parts.push(`at least ${lo}${unit}`);
    else if (hi !== undefined) parts.push(`at most ${hi}${unit}`);
  };
  range(schema.minimum, schema.maximum);
  range(schema.minLength, schema.maxLength, " characters");
  range(schema.minItems, schema.maxItems, " items");
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.join("; ");
}

/** An object schema's fields, nested objects flattened with dotted paths (to `depth` levels). */
export function fieldRows(schema: JsonSchema, components: Components, prefix = "", depth = 3): FieldRow[] {
  const resolved = resolveSchema(schema, components);
  if (!resolved.properties) return [];
  const required = new Set(resolved.required ?? []);
  return Object.entries(resolved.properties).flatMap(([name, property]) => {
    const path = prefix ? `${prefix}.${name}` : name;
    const target = property.$ref ?? property.items?.$ref;
    const row: FieldRow = { path, type: typeLabel(property, components), required: required.has(name), notes: notes(property), ...(target ? { ref: refName(target) } : {}) };
    const inner = resolveSchema(property, components);
    const nested = !property.$ref && inner.properties && depth > 1 ? fieldRows(inner, components, path, depth - 1) : [];
    return [row, ...nested];
  });
}
