/**
 * The page speaks the bulletin's language (`lang`), its findings included: the checker words
 * them in the reader's language (the editor's or the terminal's), so for a page in another
 * language the same findings are worded again by checking the text in the page's language.
 * The set of findings stays the one given (the one the Problems panel lists): each keeps its
 * place, code and severity and takes the words of its twin; one without a twin keeps its own.
 */
import { analyzeText, checkBulletin, type Analysis, type CheckOptions } from '../analyze';
import type { WorkspaceIndex } from '../index/workspace-index';
import type { Problem } from '../problems';

const twinKey = (problem: Problem) => `${problem.offset}\u0000${problem.length}\u0000${problem.code}\u0000${problem.severity}`;

export function findingsInBulletinLanguage(analysis: Analysis, index: WorkspaceIndex, findings: readonly Problem[], options: CheckOptions): readonly Problem[] {
  const locale = analysis.bulletin.lang;
  if ((options.locale ?? 'en') === locale || findings.length === 0) return findings;
  const worded = { ...options, locale };
  // The rules word their findings in the language they are given; the parser's and the schema's
  // are kept in the record as first worded, so only a record that has some is read again.
  const bulletin = analysis.bulletin.intrinsic.length > 0 ? analyzeText(analysis.bulletin.uri, analysis.parsed.text, worded).bulletin : analysis.bulletin;
  const twins = new Map<string, Problem[]>();
  for (const problem of checkBulletin(bulletin, index, worded)) {
    const key = twinKey(problem);
    const list = twins.get(key);
    if (list) list.push(problem);
    else twins.set(key, [problem]);
  }
  return findings.map((problem) => {
    const twin = twins.get(twinKey(problem))?.shift();
    return twin ? { ...problem, message: twin.message } : problem;
  });
}
