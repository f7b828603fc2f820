/**
 * The rule link of a diagnostic, as the editor opens it: the server links each finding to
 * `docs/rules.md#<code>` (a plain file link, right for any LSP client); in VS Code the link is
 * turned into the `bulletin.showRule` command, which opens the rule's section rendered in the
 * Markdown preview, in the author's language. No vscode import here, so it is tested as is.
 */
import { rulesDocName } from '../../server/src/core/rules/docs';

export const showRuleCommand = 'bulletin.showRule';

/** The rule code a server link names (`…/docs/rules.md#<code>`), else undefined. */
export function ruleCodeOfLink(href: string): string | undefined {
  const match = /\/docs\/rules(?:\.ja)?\.md#([a-z][a-z0-9-]*)$/.exec(href);
  return match?.[1];
}

/** A `command:` link that runs `bulletin.showRule` with the code and the document the finding is on. */
export function ruleCommandLink(code: string, documentUri: string): string {
  return `command:${showRuleCommand}?${encodeURIComponent(JSON.stringify([code, documentUri]))}`;
}

/**
 * The language of the rule page: `bulletin.language` when it names one; under `auto`, the
 * bulletin's own `lang`, else VS Code's display language.
 */
export function ruleLanguage(setting: string | undefined, bulletinText: string | undefined, displayLanguage: string): 'en' | 'ja' {
  if (setting === 'en' || setting === 'ja') return setting;
  const lang = bulletinText === undefined ? undefined : /^lang:[ \t]*["']?(en|ja)\b/m.exec(bulletinText)?.[1];
  if (lang === 'en' || lang === 'ja') return lang;
  return displayLanguage.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** The rule page's file name under docs/ and the line (0-based) of the code's heading, if it has one. */
export function ruleSection(pageText: string, code: string): number | undefined {
  const line = pageText.split('\n').indexOf(`## ${code}`);
  return line < 0 ? undefined : line;
}

export { rulesDocName };
