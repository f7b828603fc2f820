/**
 * The bulletin schema read as authoring knowledge: which keys a mapping takes, what each key
 * means (en/ja), which values an enum allows and what each value means. Every completion and
 * hover reads the schema through here, so the schema stays the single source of truth.
 */
import schemaJson from '../../../../schemas/bulletin.schema.json';
import type { Locale } from '../messages';

export interface SchemaNode {
  $ref?: string;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  enumDescriptions?: string[];
  enumDescriptionsJa?: string[];
  description?: string;
  descriptionJa?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  items?: SchemaNode;
  additionalProperties?: boolean | SchemaNode;
  format?: string;
  pattern?: string;
}

const root = schemaJson as unknown as SchemaNode & { $defs: Record<string, SchemaNode> };

/** Follows `$ref`, keeping the referring node's own description (it is the more specific one). */
export function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  if (!node?.$ref) return node;
  const name = node.$ref.replace('#/$defs/', '');
  const target = resolve(root.$defs[name]);
  if (!target) return undefined;
  const { $ref: _ignored, ...own } = node;
  return { ...target, ...own };
}

export const rootSchema: SchemaNode = root;

/** The schema at a path of keys; `*` (or a number) steps into array items. */
export function schemaAt(path: readonly (string | number)[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = resolve(root);
  for (const step of path) {
    if (!node) return undefined;
    if (step === '*' || typeof step === 'number') {
      node = resolve(node.items);
    } else if (node.properties && Object.prototype.hasOwnProperty.call(node.properties, step)) {
      node = resolve(node.properties[step]);
    } else if (typeof node.additionalProperties === 'object') {
      node = resolve(node.additionalProperties);
    } else {
      return undefined;
    }
  }
  return node;
}

export function isObjectSchema(node: SchemaNode | undefined): boolean {
  return !!node && (node.type === 'object' || !!node.properties);
}

export function isArraySchema(node: SchemaNode | undefined): boolean {
  return !!node && node.type === 'array';
}

export function describe(node: SchemaNode | undefined, locale: Locale): string | undefined {
  if (!node) return undefined;
  return (locale === 'ja' ? node.descriptionJa : undefined) ?? node.description;
}

export interface EnumChoice {
  value: string;
  /** What the value means, in the requested language. */
  meaning?: string;
}

/** Allowed values of an enum, a const, a boolean, or of the items of such a list. */
export function choicesOf(node: SchemaNode | undefined, locale: Locale): EnumChoice[] {
  if (!node) return [];
  if (node.enum) {
    const meanings = (locale === 'ja' ? node.enumDescriptionsJa : undefined) ?? node.enumDescriptions ?? [];
    return node.enum.map((value, i) => ({ value: String(value), meaning: meanings[i] }));
  }
  if (node.const !== undefined) return [{ value: String(node.const) }];
  if (node.type === 'boolean') return [{ value: 'true' }, { value: 'false' }];
  return [];
}

export function isDateSchema(node: SchemaNode | undefined): boolean {
  return !!node && node.format === 'date';
}
