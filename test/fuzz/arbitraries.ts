/**
 * Generators of fuzz cases: mutated example bulletins, bulletin-shaped documents with values
 * of every type written in every YAML style, arbitrary JSON-like YAML, and soups of YAML
 * tokens that reach the parser's error paths.
 */
import fc from 'fast-check';
import { stringify, type ToStringOptions } from 'yaml';
import { rules } from '../../server/src/core/rules';
import { examples, type CaseSettings, type FuzzCase } from './harness';
import { applyMutation, mutations, scalarText } from './mutations';
import { enumValues, exampleIds, fileNames, platformSlugs, schemaKeys, versions, yamlTokens } from './vocabulary';

const severitySetting = fc.constantFrom('error' as const, 'warning' as const, 'information' as const, 'hint' as const, 'off' as const);

export const caseSettings: fc.Arbitrary<CaseSettings> = fc.record(
  {
    locale: fc.constantFrom('en' as const, 'ja' as const),
    idPattern: fc.constantFrom('^[A-Z][A-Z0-9]*[0-9]{2}-[0-9]{3,5}$', '^.*$', '^$', '^(MS|KB)[0-9-]+$', 'x'),
    severities: fc.dictionary(fc.constantFrom(...rules.map((r) => r.code), 'no-such-rule'), severitySetting, { maxKeys: 4 }),
  },
  { requiredKeys: ['locale'] },
);

/** Any plain value, with keys and scalars biased towards the format's own words. */
const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar(),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...schemaKeys), fc.string({ maxLength: 8 })), tie('value'), { maxKeys: 5 }),
  ),
})).value;

function scalar(): fc.Arbitrary<unknown> {
  return fc.oneof(
    scalarText,
    fc.integer({ min: -1, max: 5_000_000_000 }),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(...enumValues),
    fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  );
}

/** Mostly the right shape, sometimes any value: rules must read what the schema rejects. */
function plausible<T>(right: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 6, arbitrary: right }, { weight: 1, arbitrary: anyValue });
}

const dateText = fc.oneof(fc.constantFrom('2004-02-27', '2004-08-13', '2004-10-16', '2004-04-14', '2003-12-31', '2004-02-30'), fc.date({ min: new Date('2000-01-01'), max: new Date('2010-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)));
const versionText = fc.oneof(fc.constantFrom(...versions), fc.array(fc.nat({ max: 9999 }), { minLength: 1, maxLength: 5 }).map((parts) => parts.join('.')));

const file = fc.record(
  {
    name: plausible(fc.constantFrom(...fileNames, 'OLE32.DLL', 'new.dll')),
    variant: plausible(fc.constantFrom('uniproc', '128bit', 'sp1qfe')),
    date: plausible(dateText),
    version: plausible(versionText),
    size: plausible(fc.integer({ min: 0, max: 2_000_000 })),
    description: plausible(fc.string({ maxLength: 20 })),
    folder: plausible(fc.constantFrom('%SystemRoot%\\System32\\', '')),
  },
  { requiredKeys: ['name'] },
);

const registryEntry = fc.record(
  {
    key: plausible(fc.constantFrom('HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Hotfix\\KB873350', 'HKLM\\SOFTWARE\\Microsoft\\Updates\\Windows 2000\\SP5\\Q828035', 'HKLM\\SOFTWARE\\Active Setup\\{GUID}', 'KB', '\\\\')),
    value: plausible(fc.constantFrom('Installed', '')),
    type: plausible(fc.constantFrom('REG_DWORD', 'REG_SZ', 'REG_BINARY', 'dword')),
    data: anyValue,
  },
  { requiredKeys: [] },
);

const platform = fc.record(
  {
    id: plausible(fc.constantFrom(...platformSlugs, 'other-platform')),
    name: plausible(fc.string({ maxLength: 20 })),
    tested: plausible(fc.constantFrom(...enumValues)),
    package: plausible(fc.record({ file: plausible(fc.constantFrom('WindowsNT4Server-KB873350-x86-JPN.exe', 'x.exe')), date: plausible(dateText), version: plausible(versionText), size: plausible(fc.nat()) }, { requiredKeys: [] })),
    folder: plausible(fc.string({ maxLength: 10 })),
    files: plausible(fc.array(file, { maxLength: 6 })),
    verify: plausible(fc.record({ registry: plausible(fc.array(registryEntry, { maxLength: 3 })) }, { requiredKeys: [] })),
    deployment: plausible(fc.dictionary(fc.oneof(fc.constantFrom('50', '100', '250', '500', '0', '-5', 'x'), fc.nat().map(String)), plausible(fc.nat({ max: 1000 })), { maxKeys: 5 })),
  },
  { requiredKeys: [] },
);

/** A document with the format's keys and nested structure, each value sometimes wrong. */
export const bulletinShaped: fc.Arbitrary<Record<string, unknown>> = fc.record(
  {
    bulletin: plausible(fc.constant(1)),
    id: plausible(fc.constantFrom(...exampleIds, 'MS04-999', 'ms04-012', 'X')),
    kb: plausible(fc.integer({ min: 1, max: 9_999_999 })),
    lang: plausible(fc.constantFrom('ja', 'en')),
    title: plausible(fc.string({ maxLength: 30 })),
    published: plausible(dateText),
    updated: plausible(dateText),
    severity: plausible(fc.constantFrom(...enumValues)),
    exploit: plausible(fc.constantFrom(...enumValues)),
    urgency: plausible(fc.constantFrom(...enumValues)),
    includes: plausible(fc.array(fc.constantFrom(...exampleIds, 'MS00-000', 'MS04-029'), { maxLength: 4 })),
    related: plausible(fc.array(fc.constantFrom(...exampleIds, 'MS99-999'), { maxLength: 4 })),
    platforms: plausible(fc.array(platform, { maxLength: 4 })),
    extra: anyValue,
  },
  { requiredKeys: [] },
);

/** Every way the `yaml` package can write the same data. */
const writeOptions: fc.Arbitrary<ToStringOptions & { indent: number }> = fc.record({
  indent: fc.integer({ min: 1, max: 8 }),
  indentSeq: fc.boolean(),
  collectionStyle: fc.constantFrom('any' as const, 'block' as const, 'flow' as const),
  defaultStringType: fc.constantFrom('PLAIN' as const, 'QUOTE_DOUBLE' as const, 'QUOTE_SINGLE' as const, 'BLOCK_LITERAL' as const, 'BLOCK_FOLDED' as const),
  defaultKeyType: fc.constantFrom(null, 'PLAIN' as const, 'QUOTE_DOUBLE' as const, 'QUOTE_SINGLE' as const),
  lineWidth: fc.constantFrom(0, 20, 80),
  doubleQuotedAsJSON: fc.boolean(),
  flowCollectionPadding: fc.boolean(),
});

function write(value: unknown, options: ToStringOptions & { indent: number }): string {
  return stringify(value, { ...options, version: '1.2' });
}

const mutatedExample: fc.Arbitrary<FuzzCase> = fc
  .tuple(fc.constantFrom(...examples), mutations, caseSettings, fc.boolean())
  .map(([example, list, settings, inPlace]) => ({
    kind: 'mutated-example',
    mutations: list.map((m) => m.kind),
    text: list.reduce(applyMutation, example.text),
    settings,
    replaces: inPlace ? example.uri : undefined,
  }));

const writtenBulletin: fc.Arbitrary<FuzzCase> = fc
  .tuple(bulletinShaped, writeOptions, caseSettings, fc.option(mutations, { freq: 3 }))
  .map(([value, options, settings, list]) => ({
    kind: list ? 'bulletin-shaped, mutated' : 'bulletin-shaped',
    mutations: list?.map((m) => m.kind),
    text: (list ?? []).reduce(applyMutation, write(value, options)),
    settings,
  }));

const randomYaml: fc.Arbitrary<FuzzCase> = fc.tuple(anyValue, writeOptions, caseSettings).map(([value, options, settings]) => ({ kind: 'random-yaml', text: write(value, options), settings }));

const tokenSoup: fc.Arbitrary<FuzzCase> = fc
  .tuple(fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...yamlTokens) }, { weight: 2, arbitrary: fc.constantFrom(...schemaKeys) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 4 }) }), { maxLength: 300 }), caseSettings)
  .map(([tokens, settings]) => ({ kind: 'token-soup', text: tokens.join(''), settings }));

/** The mix of every generator; mutated examples weigh most (they are closest to real edits). */
export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.oneof(
  { weight: 5, arbitrary: mutatedExample },
  { weight: 3, arbitrary: writtenBulletin },
  { weight: 1, arbitrary: randomYaml },
  { weight: 2, arbitrary: tokenSoup },
);
