/** The `bulletin` settings, cached per server and re-read when the client says they changed. */
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import { defaultSettings, type BulletinSettings } from '../protocol';
import type { CheckOptions } from '../core/analyze';
import { toLocale, type Locale } from '../core/messages';
import type { SeveritySetting } from '../core/problems';
import { compileIdPattern } from '../io/id-pattern';

const SEVERITY_VALUES = new Set(['error', 'warning', 'information', 'hint', 'off']);

export class SettingsCache {
  private settings: BulletinSettings = defaultSettings;
  private clientLocale: Locale = 'en';
  private pullConfiguration = false;

  constructor(private readonly connection: Connection) {}

  init(clientLocale: string | undefined, supportsConfiguration: boolean): void {
    this.clientLocale = toLocale(clientLocale);
    this.pullConfiguration = supportsConfiguration;
  }

  /** The id pattern in force, compiled once per change (io/id-pattern.ts refuses ReDoS-prone ones). */
  private idPattern: RegExp | undefined;
  private idPatternSource = '';

  async refresh(pushed?: unknown): Promise<void> {
    let raw: unknown = (pushed as { bulletin?: unknown } | undefined)?.bulletin;
    if (this.pullConfiguration) {
      try {
        raw = await this.connection.workspace.getConfiguration('bulletin');
      } catch {
        // The client may refuse; keep what was pushed.
      }
    }
    this.settings = sanitize(raw);
    this.compileIdPattern();
  }

  /** A refused pattern is said once, in a window message and the log; the format's pattern is used. */
  private compileIdPattern(): void {
    const source = this.settings.idPattern;
    if (source === this.idPatternSource) return;
    this.idPatternSource = source;
    this.idPattern = undefined;
    if (!source) return;
    const result = compileIdPattern(source);
    if ('pattern' in result) {
      this.idPattern = result.pattern;
      return;
    }
    const message = `bulletin.idPattern ${JSON.stringify(source)} ${result.error}. The format's id pattern is used instead.`;
    this.connection.console.warn(message);
    // A notification, not a request: nothing waits for the user to dismiss it.
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
  }

  get locale(): Locale {
    return this.settings.language === 'auto' ? this.clientLocale : this.settings.language;
  }

  /**
   * The author's language, as the rule pages open in (client/src/rule-link.ts): the setting when
   * it names one; under `auto` the bulletin's written `lang`, else the editor's.
   */
  authorLocale(writtenLang: unknown): Locale {
    if (this.settings.language !== 'auto') return this.settings.language;
    return writtenLang === 'en' || writtenLang === 'ja' ? writtenLang : this.clientLocale;
  }

  get checkOptions(): CheckOptions {
    return {
      locale: this.locale,
      idPattern: this.idPattern,
      severities: this.settings.rules as Record<string, SeveritySetting>,
      maxFileSize: this.settings.maxFileSize > 0 ? this.settings.maxFileSize : undefined,
    };
  }

  get allowRemoteImages(): boolean {
    return this.settings.preview.allowRemoteImages;
  }

  /** `bulletin.preview.showChanges`: mark what changed since the last commit in the preview. */
  get showChanges(): boolean {
    return this.settings.preview.showChanges === 'last-commit';
  }

  get followLinksOutside(): boolean {
    return this.settings.followLinksOutside;
  }
}

function sanitize(raw: unknown): BulletinSettings {
  const input = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof BulletinSettings, unknown>>;
  const rules: BulletinSettings['rules'] = {};
  if (input.rules && typeof input.rules === 'object') {
    for (const [code, value] of Object.entries(input.rules as Record<string, unknown>)) {
      if (typeof value === 'string' && SEVERITY_VALUES.has(value)) rules[code] = value as BulletinSettings['rules'][string];
    }
  }
  return {
    rules,
    idPattern: typeof input.idPattern === 'string' ? input.idPattern : '',
    language: input.language === 'en' || input.language === 'ja' ? input.language : 'auto',
    maxFileSize: typeof input.maxFileSize === 'number' && Number.isSafeInteger(input.maxFileSize) && input.maxFileSize > 0 ? input.maxFileSize : 0,
    followLinksOutside: input.followLinksOutside === true,
    preview: {
      allowRemoteImages: (input.preview as { allowRemoteImages?: unknown } | undefined)?.allowRemoteImages === true,
      showChanges: (input.preview as { showChanges?: unknown } | undefined)?.showChanges === 'last-commit' ? 'last-commit' : 'off',
    },
  };
}
