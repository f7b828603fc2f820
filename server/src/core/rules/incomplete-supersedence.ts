import type { Rule } from './types';
import { problem, type Problem } from '../problems';
import { msg, registerMessages } from '../messages';
import { compareVersions } from '../version';
import { filesByIdentityOf, label, relatedAt, variantSuffix } from './support';

registerMessages({
  en: {
    'rule.incompleteSupersedence.missing':
      '{id} includes {otherId}, but lacks {file}{variant} ({platform}), which {otherId} ships at {otherVersion}: {otherId} must still be applied separately.',
    'rule.incompleteSupersedence.lower':
      '{id} includes {otherId}, but ships {file}{variant} ({platform}) at {version}, lower than {otherVersion} in {otherId}.',
    'rule.incompleteSupersedence.related': '{otherId} ships {file} ({platform}) {otherVersion} here.',
  },
  ja: {
    'rule.incompleteSupersedence.missing':
      '{id} は {otherId} を含むとしていますが、{otherId} が {otherVersion} で配布する {file}{variant} ({platform}) が含まれていません。{otherId} は別途適用する必要があります。',
    'rule.incompleteSupersedence.lower':
      '{id} は {otherId} を含むとしていますが、{file}{variant} ({platform}) のバージョン {version} が {otherId} の {otherVersion} より古くなっています。',
    'rule.incompleteSupersedence.related': '{otherId} はここで {file} ({platform}) {otherVersion} を配布しています。',
  },
});

/**
 * An included bulletin's file, on a platform both cover, missing here (reported on the
 * `includes` item) or shipped here at a lower version (reported on this file's version).
 * `data` carries the other file entry, for a quick fix that copies it.
 */
export const incompleteSupersedence: Rule = {
  code: 'incomplete-supersedence',
  defaultSeverity: 'error',
  title: { en: 'An included bulletin has a file this one lacks or ships lower', ja: '含むとしたセキュリティ情報のファイルが欠けているか古い' },
  crossFile: true,
  reads: ['id', 'files'],
  description:
    'This bulletin `includes` another, but on a platform both cover it lacks one of that bulletin\'s files (reported on the `includes` item, once per missing file and platform) or ships it at a lower version (reported on this file\'s `version`). The other bulletin\'s file entry is related, and `data` carries its URI and JSON pointer for a quick fix. MS04-029 does not contain `rpcproxy.dll` of MS04-012, which is why MS04-029 lists MS04-012 under `related`, not `includes`.',
  check: ({ bulletin, index, locale }) => {
    const out: Problem[] = [];
    if (bulletin.includes.length === 0) return out;
    const own = filesByIdentityOf(bulletin); // kept a while for a closed file: bulletins that name this one ask for it too
    const platformIds = new Set(bulletin.platforms.flatMap((platform) => (platform.id === undefined ? [] : [platform.id])));
    const seen = new Set<string>();
    for (const ref of bulletin.includes) {
      for (const other of index.byId(ref.id)) {
        if (other.uri === bulletin.uri || seen.has(`${ref.id}\u0000${other.uri}`)) continue;
        seen.add(`${ref.id}\u0000${other.uri}`);
        for (const platform of other.platforms) {
          if (platform.id === undefined || !platformIds.has(platform.id)) continue;
          for (const theirs of platform.files) {
            const mine = own.first(platform.id, theirs);
            const lower = mine !== undefined && mine.version !== undefined && theirs.version !== undefined && compareVersions(mine.version, theirs.version) < 0;
            if (mine && !lower) continue; // the usual case: nothing to say, nothing to build
            const args = {
              id: label(bulletin),
              otherId: label(other),
              file: theirs.name,
              variant: variantSuffix(theirs.variant),
              platform: platform.id,
              version: mine?.version ?? '',
              otherVersion: theirs.version ?? '?',
            };
            const data = { otherUri: other.uri, otherPointer: theirs.pointer, platformId: platform.id, file: theirs.name, includes: ref.id, missing: !mine };
            if (!mine) {
              out.push(
                problem('incomplete-supersedence', 'error', ref.range, msg(locale, 'rule.incompleteSupersedence.missing', args), {
                  related: [relatedAt(other, theirs.range, msg(locale, 'rule.incompleteSupersedence.related', args))],
                  data,
                }),
              );
            } else {
              out.push(
                problem('incomplete-supersedence', 'error', mine.versionRange ?? mine.range, msg(locale, 'rule.incompleteSupersedence.lower', args), {
                  related: [relatedAt(other, theirs.versionRange ?? theirs.range, msg(locale, 'rule.incompleteSupersedence.related', args))],
                  data,
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
