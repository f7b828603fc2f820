import type { Rule } from './types';
import { problem, type Problem } from '../problems';
import { msg, registerMessages } from '../messages';

registerMessages({
  en: {
    'rule.registryDataType.number': '{type} holds a whole number from 0 to {max}, not {data}.',
    'rule.registryDataType.string': '{type} holds text, not the number {data}; quote it if it is meant as text.',
  },
  ja: {
    'rule.registryDataType.number': '{type} の値には 0 から {max} までの整数を指定します ({data} は指定できません)。',
    'rule.registryDataType.string': '{type} の値には文字列を指定します (数値 {data} は指定できません)。文字列として書くなら引用符で囲んでください。',
  },
});

/** Any YAML value as text, whatever its prototype (a mapping may have none). */
function describe(data: unknown): string {
  if (typeof data === 'string') return JSON.stringify(data);
  if (typeof data === 'number' || typeof data === 'boolean') return String(data);
  try {
    return JSON.stringify(data) ?? '?';
  } catch {
    return '?';
  }
}

const NUMBER_RANGES: Record<string, bigint> = { REG_DWORD: 4294967295n, REG_QWORD: 18446744073709551615n };
const STRING_TYPES = new Set(['REG_SZ', 'REG_EXPAND_SZ', 'REG_MULTI_SZ']);

/** `data` that does not fit `type`: REG_DWORD 0…4294967295, REG_QWORD 0…2^64-1, *_SZ text. */
export const registryDataType: Rule = {
  code: 'registry-data-type',
  defaultSeverity: 'error',
  title: { en: 'Registry data does not fit its type', ja: 'レジストリのデータが型に合わない' },
  crossFile: false,
  description:
    '`data` does not fit `type`: `REG_DWORD` takes a whole number 0…4294967295, `REG_QWORD` 0…18446744073709551615, `REG_SZ`, `REG_EXPAND_SZ` and `REG_MULTI_SZ` a string (quote a number meant as text). Reported on `data`.',
  check: ({ bulletin, locale }) => {
    const out: Problem[] = [];
    for (const platform of bulletin.platforms) {
      for (const entry of platform.registry ?? []) {
        const { type, data, dataRange } = entry;
        if (type === undefined || data === undefined || data === null || !dataRange) continue;
        const max = NUMBER_RANGES[type];
        if (max !== undefined) {
          const fits = typeof data === 'number' && Number.isInteger(data) && data >= 0 && BigInt(data) <= max;
          if (!fits) out.push(problem('registry-data-type', 'error', dataRange, msg(locale, 'rule.registryDataType.number', { type, max: String(max), data: describe(data) }), { data: { type } }));
        } else if (STRING_TYPES.has(type) && typeof data !== 'string') {
          out.push(problem('registry-data-type', 'error', dataRange, msg(locale, 'rule.registryDataType.string', { type, data: describe(data) }), { data: { type, quoted: JSON.stringify(describe(data)) } }));
        }
      }
    }
    return out;
  },
};
