import type { Rule } from './types';
import { problem, type Problem } from '../problems';
import { msg, registerMessages } from '../messages';

registerMessages({
  en: { 'rule.missingRegistryCheck': 'Platform {platform} has a package but no `verify.registry` entry that shows it is installed.' },
  ja: { 'rule.missingRegistryCheck': 'プラットフォーム {platform} にはパッケージ (package) がありますが、適用されたことを確認する `verify.registry` の項目がありません。' },
});

/** A platform with a `package` and no `verify.registry` entry; reported on `package`. */
export const missingRegistryCheck: Rule = {
  code: 'missing-registry-check',
  defaultSeverity: 'warning',
  title: { en: 'A platform with a package has no registry check', ja: 'package のあるプラットフォームにレジストリの確認がない' },
  crossFile: false,
  description:
    'A platform with a `package` has no `verify.registry` entry, so nobody can check that the update is installed. Reported on `package`.',
  check: ({ bulletin, locale }) => {
    const out: Problem[] = [];
    for (const platform of bulletin.platforms) {
      if (!platform.package || (platform.registry && platform.registry.length > 0)) continue;
      const name = platform.id ?? platform.name ?? platform.pointer;
      out.push(problem('missing-registry-check', 'warning', platform.package.range, msg(locale, 'rule.missingRegistryCheck', { platform: name }), { data: { platformPointer: platform.pointer, kb: bulletin.kb } }));
    }
    return out;
  },
};
