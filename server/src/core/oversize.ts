/**
 * The model of a bulletin too large to read (setting `bulletin.maxFileSize`): nothing of it is
 * parsed; it carries one `yaml-syntax` finding on its first line saying why, so the file is
 * listed with a reason rather than silently left out, and nothing else is reported about it.
 */
import { analyzeText, hashText, type CheckOptions } from './analyze';
import type { Bulletin } from './model';
import { viewOf } from './record/view';
import { msg, registerMessages } from './messages';
import { problem } from './problems';

registerMessages({
  en: { 'file.tooLarge': 'This file is {size} bytes, larger than the size limit of {limit} bytes (setting bulletin.maxFileSize, CLI --max-file-size): it is not checked.' },
  ja: { 'file.tooLarge': 'このファイルは {size} バイトで、サイズの上限 {limit} バイト (設定 bulletin.maxFileSize、CLI --max-file-size) を超えるため検査しません。' },
});

/** `firstLine`: the file's first line (the finding's range); `size` and `limit` in bytes. */
export function oversizeBulletin(uri: string, firstLine: string, size: number, limit: number, options: CheckOptions = {}): Bulletin {
  const empty = analyzeText(uri, '', options).bulletin;
  const message = msg(options.locale ?? 'en', 'file.tooLarge', { size, limit });
  return viewOf({
    ...empty.record,
    intrinsic: [problem('yaml-syntax', 'error', [0, firstLine.length], message)],
    lineStarts: Uint32Array.of(0),
    textLength: firstLine.length,
    hash: oversizeHash(firstLine, size, limit),
  });
}

/** Never the hash of a text: a cache entry of a too-large file is never taken for a parsed one. */
export function oversizeHash(firstLine: string, size: number, limit: number): string {
  return hashText(`\u0000too-large\u0000${limit}\u0000${size}\u0000${firstLine}`);
}
