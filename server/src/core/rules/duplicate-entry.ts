import type { Rule } from './types';
import type { Range } from '../parse';
import type { BulletinFile } from '../model';
import { problem, type Problem } from '../problems';
import { msg, registerMessages } from '../messages';
import { relatedAt, variantSuffix } from './support';
import { identityHash, sameIdentity } from '../index/file-hash';
import { fileIdentity } from '../index/workspace-index';

registerMessages({
  en: {
    'rule.duplicateEntry.platform': 'Platform {platform} is listed twice in this bulletin.',
    'rule.duplicateEntry.file': '{file}{variant} is listed twice for platform {platform}; use `variant` if the platform ships two builds.',
    'rule.duplicateEntry.related': 'First listed here.',
  },
  ja: {
    'rule.duplicateEntry.platform': 'プラットフォーム {platform} がこのセキュリティ情報に 2 回書かれています。',
    'rule.duplicateEntry.file': '{file}{variant} がプラットフォーム {platform} に 2 回書かれています。2 種類のビルドがあるなら `variant` で区別してください。',
    'rule.duplicateEntry.related': '最初はここに書かれています。',
  },
});

/** A platform id repeats in one bulletin, or a file (name, variant) repeats within one platform. */
export const duplicateEntry: Rule = {
  code: 'duplicate-entry',
  defaultSeverity: 'error',
  title: { en: 'A platform or file is listed twice', ja: 'プラットフォームまたはファイルが重複している' },
  crossFile: false,
  description:
    'A platform `id` repeats in one bulletin (reported on the second `id`), or a file (name case-insensitively, `variant`) repeats within one platform (reported on the second `name`); the first occurrence is related. Two builds of one file on one platform are told apart by `variant`.',
  check: ({ bulletin, locale }) => {
    const out: Problem[] = [];
    const related = (range: Range) => [relatedAt(bulletin, range, msg(locale, 'rule.duplicateEntry.related'))];
    const platforms = new Map<string, Range>();
    for (const platform of bulletin.platforms) {
      if (platform.id !== undefined && platform.idRange) {
        const first = platforms.get(platform.id);
        if (first) out.push(problem('duplicate-entry', 'error', platform.idRange, msg(locale, 'rule.duplicateEntry.platform', { platform: platform.id }), { related: related(first) }));
        else platforms.set(platform.id, platform.idRange);
      }
      // The first file of each identity, found by number (`identityHash`: no key string per
      // file); its range is read only for a duplicate (most files have none).
      const firstByHash = new Map<number, BulletinFile>();
      let firstByKey: Map<string, BulletinFile> | undefined; // only after two identities share a number
      for (const file of platform.files) {
        const hash = identityHash('', file.name, file.variant);
        const candidate = firstByHash.get(hash);
        if (candidate === undefined) {
          firstByHash.set(hash, file);
          continue;
        }
        let first: BulletinFile | undefined = candidate;
        if (!sameIdentity('', candidate, '', file)) {
          const key = fileIdentity('', file.name, file.variant);
          first = (firstByKey ??= new Map()).get(key);
          if (!first) {
            firstByKey.set(key, file);
            continue;
          }
        }
        const args = { file: file.name, variant: variantSuffix(file.variant), platform: platform.id ?? platform.pointer };
        out.push(problem('duplicate-entry', 'error', file.nameRange, msg(locale, 'rule.duplicateEntry.file', args), { related: related(first.nameRange) }));
      }
    }
    return out;
  },
};
