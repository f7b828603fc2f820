/** The schema's own words for enum values ("important" → "2 Important" / "2 重要"), in the bulletin's language. */
import schemaJson from '../../../../schemas/bulletin.schema.json';
import type { Locale } from '../messages';

type EnumSchema = { enum?: unknown[]; enumDescriptions?: string[]; enumDescriptionsJa?: string[]; items?: EnumSchema };
const properties = (schemaJson as unknown as { properties: Record<string, EnumSchema>; $defs: Record<string, { properties?: Record<string, EnumSchema> }> });

function describe(schema: EnumSchema | undefined, value: string, lang: Locale): string {
  const index = schema?.enum?.indexOf(value) ?? -1;
  if (index < 0) return value;
  const words = lang === 'ja' ? schema?.enumDescriptionsJa : schema?.enumDescriptions;
  return words?.[index] ?? value;
}

/** A top-level enum key (`severity`, `exploit`, `urgency`, `restart`, `targets` items). */
export function enumLabel(key: string, value: string, lang: Locale): string {
  const schema = properties.properties[key];
  return describe(schema?.items ?? schema, value, lang);
}

/** An enum inside a `$defs` object (`vulnerability.impact` items). */
export function defEnumLabel(def: string, key: string, value: string, lang: Locale): string {
  const schema = properties.$defs[def]?.properties?.[key];
  return describe(schema?.items ?? schema, value, lang);
}
