/** One bulletin's findings (the schema rule reports the intrinsic ones), as the CLI and server make them, for the CVSS tests. */
import { analyzeText as analyze, checkBulletin } from '../../../server/src/core/analyze';
import { WorkspaceIndex } from '../../../server/src/core/index/workspace-index';
import type { Locale } from '../../../server/src/core/messages';
import type { Problem } from '../../../server/src/core/problems';

export function analyzeText(text: string, locale: Locale = 'en'): Problem[] {
  const { bulletin } = analyze('file:///t.bulletin.yaml', text, { locale });
  const index = new WorkspaceIndex();
  index.set(bulletin);
  return checkBulletin(bulletin, index, { locale });
}
