/**
 * Custom LSP methods shared by the server and the client (one file, imported by both sides).
 */
import { RequestType } from 'vscode-languageserver-protocol';
export const serverName = 'Bulletin Language Server';

/** Settings the server reads from the `bulletin` section. */
export interface BulletinSettings {
  rules: Record<string, 'error' | 'warning' | 'information' | 'hint' | 'off'>;
  idPattern: string;
  language: 'auto' | 'en' | 'ja';
}

export const defaultSettings: BulletinSettings = { rules: {}, idPattern: '', language: 'auto' };

// ---- bulletin/render: the preview asks the server for the page of an open document.

export interface RenderParams {
  /** URI of an open bulletin document. */
  uri: string;
}

export interface RenderResult {
  uri: string;
  /** Version of the document the page was made from. */
  version: number;
  /** The page body (`<article>`), every value escaped, block elements with `data-line`. */
  html: string;
  title: string;
  lang: 'ja' | 'en';
}

/** Answers `null` when the document is not open in the server. */
export const RenderRequest = new RequestType<RenderParams, RenderResult | null, void>('bulletin/render');
