// zod failures → the field-path list every refusal carries (API 422 details, form messages).
import { distance } from "fastest-levenshtein";
import { z } from "zod";
import { AppError, type FieldIssue } from "@/lib/errors";

export function fieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(body)",
    message: issue.message,
  }));
}

export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  // every write passes here: text PostgreSQL cannot store is refused before the schema, naming its field
  assertStorableText(input);
  const result = schema.safeParse(input);
  if (!result.success) {
    const issues = fieldIssues(result.error);
    const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ");
    throw new AppError("invalid_input", `Invalid input — ${summary}`, issues);
  }
  return result.data;
}

/** How deep a request's JSON may nest: no operation needs more than a few levels. */
export const MAX_JSON_DEPTH = 32;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The first thing in a parsed JSON value that PostgreSQL cannot store or that no operation means:
 * a NUL character or a lone UTF-16 surrogate in a string or a key, or nesting deeper than
 * MAX_JSON_DEPTH. Iterative, so no input can overflow the stack. Null when the value is clean.
 */
export function unstorableText(value: unknown): FieldIssue | null {
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  const at = (path: (string | number)[]) => path.join(".") || "(body)";
  const badText = (text: string): string | null =>
    text.includes("\u0000") ? "Text cannot contain NUL (\\u0000) characters" : LONE_SURROGATE.test(text) ? "Text cannot contain a lone UTF-16 surrogate (not a character)" : null;
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === "string") {
      const problem = badText(current);
      if (problem) return { path: at(path), message: problem };
      continue;
    }
    if (!current || typeof current !== "object") continue;
    if (path.length >= MAX_JSON_DEPTH) return { path: at(path), message: `Nested more than ${MAX_JSON_DEPTH} levels deep` };
    const entries: [string | number, unknown][] = Array.isArray(current) ? current.map((inner, i) => [i, inner]) : Object.entries(current);
    // pushed in reverse, so the first problem in reading order is the one reported
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, inner] = entries[i]!;
      if (typeof key === "string") {
        const problem = badText(key);
        if (problem) return { path: at([...path, key]), message: problem };
      }
      stack.push({ value: inner, path: [...path, key] });
    }
  }
  return null;
}

/** unstorableText as a refusal: invalid_input naming the field (`emptyPath` when the whole value is the problem). */
export function assertStorableText(value: unknown, emptyPath = "(body)"): void {
  const issue = unstorableText(value);
  if (issue) throw new AppError("invalid_input", `${issue.path === "(body)" ? emptyPath : issue.path}: ${issue.message}`, [{ path: issue.path === "(body)" ? emptyPath : issue.path, message: issue.message }]);
}

type JsonSchema = {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean | JsonSchema;
  patternProperties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

const inputJsonSchemas = new WeakMap<z.ZodType, JsonSchema>();

/** The JSON Schema a zod schema accepts (as the OpenAPI document publishes it), made once per schema. */
function inputJsonSchemaOf(schema: z.ZodType): JsonSchema {
  let json = inputJsonSchemas.get(schema);
  if (!json) {
    json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
    inputJsonSchemas.set(schema, json);
  }
  return json;
}

/** The closest of the known names to a mistyped one (at most two edits away), to suggest it. */
function closest(name: string, known: string[]): string | null {
  let best: { name: string; d: number } | null = null;
  for (const candidate of known) {
    const d = distance(name.toLowerCase(), candidate.toLowerCase());
    if (d <= 2 && (!best || d < best.d)) best = { name: candidate, d };
  }
  return best?.name ?? null;
}

/** Whether a schema is one for this kind of JSON value (object, array, string, …), by its `type`. */
function takesKindOf(schema: JsonSchema, value: unknown): boolean {
  const kind = value === null ? "null" : Array.isArray(value) ? "array" : typeof value === "number" ? "number" : typeof value === "object" ? "object" : typeof value;
  const types = schema.type === undefined ? null : Array.isArray(schema.type) ? schema.type : [schema.type];
  if (!types) return !schema.properties || kind === "object";
  return types.some((type) => type === kind || (type === "integer" && kind === "number"));
}

/**
 * The fields of a JSON body that its schema does not name, each as a field issue ("slugg" would
 * otherwise be dropped in silence and a random slug chosen). An object accepts only its
 * properties unless its schema allows more (a record, or a deliberately loose object). Read from
 * the schema's own JSON Schema, so what is refused is what the OpenAPI document declares
 * (`additionalProperties: false` on every request body object, lib/api/openapi.ts).
 */
export function unknownFields(schema: z.ZodType, value: unknown, basePath: (string | number)[] = []): FieldIssue[] {
  const root = inputJsonSchemaOf(schema);
  const resolve = (node: JsonSchema): JsonSchema => {
    let current = node;
    for (let hops = 0; current.$ref && hops < 20; hops++) {
      const ref = current.$ref;
      current = ref === "#" ? root : ref.startsWith("#/$defs/") ? (root.$defs?.[ref.slice("#/$defs/".length)] ?? {}) : {};
    }
    return current;
  };
  const walk = (node: JsonSchema, current: unknown, path: (string | number)[], depth: number): FieldIssue[] => {
    if (depth > MAX_JSON_DEPTH) return [];
    const schemaNode = resolve(node);
    const branches = schemaNode.anyOf ?? schemaNode.oneOf;
    if (branches) {
      // among the branches for this kind of value (an object is not judged by a null branch), the
      // one that fits best: one that names every field, else the one with fewest unknowns — and
      // what the node itself says beside them (an array's items, with a rule across them)
      let best: FieldIssue[] | null = null;
      for (const branch of branches.filter((candidate) => takesKindOf(resolve(candidate), current))) {
        const issues = walk(branch, current, path, depth + 1);
        if (!best || issues.length < best.length) best = issues;
        if (issues.length === 0) break;
      }
      const own = schemaNode.items || schemaNode.properties ? walk({ ...schemaNode, anyOf: undefined, oneOf: undefined }, current, path, depth + 1) : [];
      return [...own, ...(best ?? [])];
    }
    if (schemaNode.allOf) {
      // an intersection names the fields of all its parts
      const parts = schemaNode.allOf.map(resolve);
      const merged: JsonSchema = { ...schemaNode, allOf: undefined, properties: Object.assign({}, ...parts.map((part) => part.properties ?? {}), schemaNode.properties) };
      if (parts.some((part) => part.additionalProperties === true || typeof part.additionalProperties === "object")) merged.additionalProperties = true;
      return walk(merged, current, path, depth + 1);
    }
    const issues: FieldIssue[] = [];
    if (Array.isArray(current)) {
      if (schemaNode.items) current.forEach((item, i) => issues.push(...walk(schemaNode.items!, item, [...path, i], depth + 1)));
      return issues;
    }
    if (!current || typeof current !== "object" || !schemaNode.properties) return issues;
    const properties = schemaNode.properties;
    const extra = schemaNode.additionalProperties;
    for (const [key, inner] of Object.entries(current)) {
      if (Object.hasOwn(properties, key)) {
        issues.push(...walk(properties[key]!, inner, [...path, key], depth + 1));
      } else if (typeof extra === "object") {
        issues.push(...walk(extra, inner, [...path, key], depth + 1));
      } else if (extra !== true && !schemaNode.patternProperties) {
        const suggestion = closest(key, Object.keys(properties));
        issues.push({ path: [...path, key].join("."), message: `Unknown field${suggestion ? `: did you mean "${suggestion}"?` : ""}` });
      }
    }
    return issues;
  };
  return walk(root, value, basePath, 0);
}
