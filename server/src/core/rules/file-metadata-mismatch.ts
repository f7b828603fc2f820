import type { Rule } from './types';
import { problem, type Problem } from '../problems';
import { msg, registerMessages } from '../messages';
import { reporterOf } from '../index/order';
import { label, relatedAt, variantSuffix } from './support';

registerMessages({
  en: {
    'rule.fileMetadataMismatch':
      '{file}{variant} ({platform}) {version} is {size} bytes in {id} but {otherSize} bytes in {otherId} ({otherVersion}): one of them was transcribed wrong.',
    'rule.fileMetadataMismatch.related': '{otherId} gives {file} ({platform}) {otherVersion} as {otherSize} bytes here.',
  },
  ja: {
    'rule.fileMetadataMismatch':
      '{file}{variant} ({platform}) {version} のサイズが {id} では {size} バイト、{otherId} ({otherVersion}) では {otherSize} バイトです。どちらかの転記が誤っています。',
    'rule.fileMetadataMismatch.related': '{otherId} はここで {file} ({platform}) {otherVersion} を {otherSize} バイトとしています。',
  },
});

/** The same file at the same version with another size elsewhere in the workspace. */
export const fileMetadataMismatch: Rule = {
  code: 'file-metadata-mismatch',
  defaultSeverity: 'error',
  title: { en: 'The same file at the same version has another size elsewhere', ja: '同じバージョンの同じファイルのサイズが食い違う' },
  crossFile: true,
  reads: ['id', 'published', 'references', 'files'],
  description:
    'The same file (platform `id`, name, `variant`) at the same version (numerically: `5.00.2195.6866` equals `5.0.2195.6866`) has a different `size` in two bulletins anywhere in the workspace, named or not: one of them was transcribed wrong. Dates are not compared (vendors\' tables shift them by time zone and re-release). Reported on the `size` in the bulletin that names the other, else in the newer one; the other `size` related.',
  check: ({ bulletin, index, locale }) => {
    const out: Problem[] = [];
    for (const platform of bulletin.platforms) {
      if (platform.id === undefined) continue;
      for (const file of platform.files) {
        if (file.version === undefined || file.size === undefined) continue;
        for (const entry of index.sharedAtVersionOf(platform.id, file)) {
          const other = entry.bulletin;
          if (other.uri === bulletin.uri || entry.file.size === undefined || entry.file.size === file.size) continue;
          if (reporterOf(bulletin, other) !== bulletin) continue;
          const sizeRange = file.sizeRange; // a view makes its range on each read: only here
          if (!sizeRange) continue;
          const args = {
            file: file.name,
            variant: variantSuffix(file.variant),
            platform: platform.id,
            id: label(bulletin),
            version: file.version,
            size: file.size,
            otherId: label(other),
            otherVersion: entry.file.version ?? file.version,
            otherSize: entry.file.size,
          };
          out.push(
            problem('file-metadata-mismatch', 'error', sizeRange, msg(locale, 'rule.fileMetadataMismatch', args), {
              related: [relatedAt(other, entry.file.sizeRange ?? entry.file.range, msg(locale, 'rule.fileMetadataMismatch.related', args))],
              data: { otherUri: other.uri, otherPointer: entry.file.pointer, otherSize: entry.file.size },
            }),
          );
        }
      }
    }
    return out;
  },
};
