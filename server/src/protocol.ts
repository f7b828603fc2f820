/**
 * Custom LSP methods shared by the server and the client (one file, imported by both sides).
 */
export const serverName = 'Bulletin Language Server';

/** Settings the server reads from the `bulletin` section. */
export interface BulletinSettings {
  rules: Record<string, 'error' | 'warning' | 'information' | 'hint' | 'off'>;
  idPattern: string;
  language: 'auto' | 'en' | 'ja';
}

export const defaultSettings: BulletinSettings = { rules: {}, idPattern: '', language: 'auto' };
