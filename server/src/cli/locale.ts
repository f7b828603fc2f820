/** The CLI's language: `--lang ja|en`, else the environment's locale (LC_ALL, LC_MESSAGES, LANG), else English. */
import { toLocale, type Locale } from '../core/messages';
import { UsageError } from './files';

export function cliLocale(lang: string | undefined, env: NodeJS.ProcessEnv = process.env): Locale {
  if (lang !== undefined) {
    if (!/^(ja|en)([-_].*)?$/i.test(lang)) throw new UsageError(`--lang takes ja or en, not ${lang}`);
    return toLocale(lang);
  }
  // POSIX order; an empty variable counts as unset (LC_ALL= is common in scripts).
  return toLocale([env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value));
}
