/** The `bulletin` settings, cached per server and re-read when the client says they changed. */
import type { Connection } from 'vscode-languageserver';
import { defaultSettings, type BulletinSettings } from '../protocol';
import type { CheckOptions } from '../core/analyze';
import { toLocale, type Locale } from '../core/messages';
import type { SeveritySetting } from '../core/problems';

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
  }

  get locale(): Locale {
    return this.settings.language === 'auto' ? this.clientLocale : this.settings.language;
  }

  get checkOptions(): CheckOptions {
    let idPattern: RegExp | undefined;
    if (this.settings.idPattern) {
      try {
        idPattern = new RegExp(this.settings.idPattern);
      } catch {
        idPattern = undefined;
      }
    }
    return { locale: this.locale, idPattern, severities: this.settings.rules as Record<string, SeveritySetting> };
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
  };
}
