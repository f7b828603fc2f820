import type { Rule } from './types';
import { problem, type Problem } from '../problems';
import { msg, registerMessages } from '../messages';
import { compareNewer } from '../index/order';
import { compareVersions } from '../version';
import { filesByIdentityOf, label, relatedAt, variantSuffix } from './support';

registerMessages({
  en: {
    'rule.fileVersionConflict':
      '{file}{variant} ({platform}) is {version} in {id}, but {otherId} ships it at the higher {otherVersion}, although {id} is newer: applying {id} after {otherId} would put an older file back.',
    'rule.fileVersionConflict.related': '{otherId} ships {file} ({platform}) at {otherVersion} here.',
  },
  ja: {
    'rule.fileVersionConflict':
      '{file}{variant} ({platform}) は {id} では {version} ですが、{otherId} はより新しいバージョン {otherVersion} を配布しています。{id} の方が新しいため、{otherId} の後に {id} を適用すると古いファイルに戻ってしまいます。',
    'rule.fileVersionConflict.related': '{otherId} はここで {file} ({platform}) の {otherVersion} を配布しています。',
  },
});

/** A file this (newer) bulletin ships lower than a bulletin it includes or relates to. */
export const fileVersionConflict: Rule = {
  code: 'file-version-conflict',
  defaultSeverity: 'error',
  title: { en: 'A named older bulletin ships a file at a higher version', ja: '参照先の古いセキュリティ情報の方がファイルのバージョンが高い' },
  crossFile: true,
  reads: ['id', 'published', 'files'],
  description:
    'A file (same platform `id`, same name compared case-insensitively, same `variant`) ships in a bulletin this one names in `includes` or `related` at a **higher** version than here, although this bulletin is newer (the later `published`, then the greater `id`): applying this update after that one would put an older file back. Reported on this file\'s `version`, the other file\'s `version` related. Versions compare numerically part by part (`5.2.3790.139` is newer than `5.2.3790.88`); the same name on another platform is another file.',
  check: ({ bulletin, index, locale }) => {
    const out: Problem[] = [];
    const seen = new Set<string>();
    for (const reference of index.referencesFrom(bulletin)) {
      for (const other of index.byId(reference.ref.id)) {
        if (other.uri === bulletin.uri || seen.has(other.uri) || compareNewer(bulletin, other) <= 0) continue;
        seen.add(other.uri);
        const theirs = filesByIdentityOf(other);
        for (const platform of bulletin.platforms) {
          if (platform.id === undefined) continue;
          for (const file of platform.files) {
            if (file.version === undefined) continue;
            for (const theirsFile of theirs.get(platform.id, file)) {
              if (theirsFile.version === undefined || compareVersions(theirsFile.version, file.version) <= 0) continue;
              // Read only here: a view makes its range on each read.
              const versionRange = file.versionRange;
              if (!versionRange) continue;
              const args = {
                file: file.name,
                variant: variantSuffix(file.variant),
                platform: platform.id,
                id: label(bulletin),
                version: file.version,
                otherId: label(other),
                otherVersion: theirsFile.version,
              };
              out.push(
                problem('file-version-conflict', 'error', versionRange, msg(locale, 'rule.fileVersionConflict', args), {
                  related: [relatedAt(other, theirsFile.versionRange ?? theirsFile.range, msg(locale, 'rule.fileVersionConflict.related', args))],
                  data: { otherUri: other.uri, otherPointer: theirsFile.pointer, otherVersion: theirsFile.version },
                }),
              );
            }
          }
        }
      }
    }
    return out;
  },
};
