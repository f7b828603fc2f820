import type { Rule } from './types';
import { problem, type Problem } from '../problems';
import { msg, registerMessages } from '../messages';

registerMessages({
  en: { 'rule.registryKbMismatch': 'The registry key names {found}, but this bulletin is KB{kb}.' },
  ja: { 'rule.registryKbMismatch': 'レジストリ・キーは {found} を指していますが、このセキュリティ情報は KB{kb} です。' },
});

/** Each `\`-separated path segment that is exactly `KB<digits>` or `Q<digits>`; other keys are not judged. */
const KB_SEGMENTS = /(?<=^|\\)((?:KB|Q)(\d+))(?=\\|$)/gi;

export const registryKbMismatch: Rule = {
  code: 'registry-kb-mismatch',
  defaultSeverity: 'error',
  title: { en: 'A registry key names another KB', ja: 'レジストリ・キーが別の KB を指している' },
  crossFile: false,
  description:
    'A registry key names a KB other than the bulletin\'s `kb`: a path segment that is exactly `KB<digits>` or `Q<digits>`, as in `...\\Hotfix\\KB873350` or `...\\Updates\\Windows 2000\\SP5\\KB828035`. Keys without such a segment (Active Setup GUIDs, for example) and the spelling of the hive (`HKLM` or `HKEY_LOCAL_MACHINE`) are not judged. Reported on the key; `data.replacement` is the key with the right KB.',
  check: ({ bulletin, locale }) => {
    const kb = bulletin.kb;
    if (kb === undefined) return [];
    const out: Problem[] = [];
    for (const platform of bulletin.platforms) {
      for (const entry of platform.registry ?? []) {
        if (entry.key === undefined) continue;
        // Every segment that is a KB or Q number, in order, without splitting the key.
        KB_SEGMENTS.lastIndex = 0;
        for (let match = KB_SEGMENTS.exec(entry.key); match; match = KB_SEGMENTS.exec(entry.key)) {
          if (Number(match[2]) === kb) continue;
          const segment = match[1];
          const keyRange = entry.keyRange; // a view makes its range on each read: only here
          if (!keyRange) break;
          out.push(
            problem('registry-kb-mismatch', 'error', keyRange, msg(locale, 'rule.registryKbMismatch', { found: segment, kb }), {
              data: { expectedKb: kb, found: segment, replacement: entry.key.split('\\').map((s) => (s === segment ? `KB${kb}` : s)).join('\\') },
            }),
          );
          break;
        }
      }
    }
    return out;
  },
};
