/**
 * One preview panel: a webview showing the page of one bulletin document, rendered by the
 * server, refreshed in place by message (first render at once, then at most every 100 ms),
 * scrolling with the editor both ways, double-click revealing the line.
 */
import * as vscode from 'vscode';
import { restrictedPreviewHtml } from './restricted-page';
import { randomBytes } from 'node:crypto';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RenderRequest, type RenderResult } from '../../../server/src/protocol';
import { bulletinPathSegments, parseFromWebview, type PreviewState, type ToWebview } from './messages';
import { RenderScheduler } from './scheduler';
import { ScrollEchoGuard } from './scroll-echo';

export const previewViewType = 'bulletin.preview';

export interface PreviewHost {
  readonly extensionUri: vscode.Uri;
  /** The running language client, once it runs. */
  client(): Promise<LanguageClient>;
  log(message: string): void;
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function mediaRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'client', 'media');
}

/**
 * In Restricted Mode (an untrusted workspace) the preview runs no script at all: each page is
 * written as static HTML (a reload per update, so no scroll sync); trust turns the live page on.
 */
export function webviewOptions(extensionUri: vscode.Uri, scripts = vscode.workspace.isTrusted): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: scripts, enableCommandUris: false, enableForms: false, localResourceRoots: [mediaRoot(extensionUri)] };
}

export class BulletinPreview {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly scheduler: RenderScheduler;
  private lastPage: RenderResult | undefined;
  /** The editor scrolls that answer the preview's own reveals are not sent back to it. */
  private readonly scrollEcho = new ScrollEchoGuard();
  private line: number | undefined;
  private disposed = false;
  private readonly onDisposeEmitter = new vscode.EventEmitter<void>();
  readonly onDispose = this.onDisposeEmitter.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private resourceUri: vscode.Uri,
    private lockedState: boolean,
    private readonly host: PreviewHost,
    line?: number,
  ) {
    this.line = line;
    this.scheduler = new RenderScheduler(() => this.render());
    panel.webview.options = webviewOptions(host.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(host.extensionUri, 'media', 'icon.png');
    this.setHtml();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        panel.webview.options = webviewOptions(host.extensionUri, true);
        this.setHtml();
      }),
    );
    this.updateTitle();
    this.refresh();
  }

  get resource(): vscode.Uri {
    return this.resourceUri;
  }

  get locked(): boolean {
    return this.lockedState;
  }

  get state(): PreviewState {
    return { resource: this.resourceUri.toString(), locked: this.lockedState, line: this.line };
  }

  /** Follow another document (an unlocked preview follows the active editor). */
  setResource(resource: vscode.Uri): void {
    if (resource.toString() === this.resourceUri.toString()) return;
    this.resourceUri = resource;
    this.lastPage = undefined;
    this.line = undefined;
    this.updateTitle();
    this.refresh();
  }

  toggleLock(): void {
    this.lockedState = !this.lockedState;
    this.updateTitle();
    if (this.lastPage) this.post({ type: 'update', source: this.lastPage.uri, version: this.lastPage.version, html: this.lastPage.html, title: this.lastPage.title, locked: this.lockedState });
  }

  refresh(): void {
    this.scheduler.request();
  }

  /** The editor scrolled: bring the same line to the top of the preview. */
  scrollToLine(line: number): void {
    if (this.scrollEcho.isEcho(line)) return;
    this.line = line;
    this.post({ type: 'scrollToLine', source: this.resourceUri.toString(), line });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.scheduler.dispose();
    this.onDisposeEmitter.fire();
    this.onDisposeEmitter.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }

  private async render(): Promise<void> {
    const uri = this.resourceUri.toString();
    let page: RenderResult | null;
    try {
      const client = await this.host.client();
      // The server renders the documents the client has sent it: a preview opened from the
      // explorer, or restored after a reload, opens its document first (no editor needed).
      await vscode.workspace.openTextDocument(this.resourceUri);
      page = await client.sendRequest(RenderRequest, { uri });
    } catch (error) {
      if (this.disposed) return;
      this.host.log(`Preview of ${uri} failed: ${error instanceof Error ? error.message : String(error)}`);
      this.post({ type: 'error', source: uri, message: vscode.l10n.t('The preview could not be rendered. See the Bulletin output for details.') });
      return;
    }
    // The panel may have moved on to another document while the server worked.
    if (this.disposed || uri !== this.resourceUri.toString()) return;
    if (!page) {
      this.post({ type: 'error', source: uri, message: vscode.l10n.t('Open this bulletin in an editor to preview it.') });
      return;
    }
    this.lastPage = page;
    this.post({ type: 'update', source: page.uri, version: page.version, html: page.html, title: page.title, locked: this.lockedState });
  }

  private onMessage(raw: unknown): void {
    const message = parseFromWebview(raw, this.resourceUri.toString());
    if (!message) return; // stale (another document) or malformed: ignored
    switch (message.type) {
      case 'ready':
        // The webview (re)loaded, e.g. after being hidden: give it the page and position again.
        if (this.lastPage) this.post({ type: 'update', source: this.lastPage.uri, version: this.lastPage.version, html: this.lastPage.html, title: this.lastPage.title, locked: this.lockedState });
        else this.refresh();
        if (this.line !== undefined) this.post({ type: 'scrollToLine', source: message.source, line: this.line });
        break;
      case 'didScroll':
        this.line = message.line;
        this.scrollEditors(message.line);
        break;
      case 'revealLine':
        void this.revealLine(message.line);
        break;
      case 'openBulletin':
        void this.openLinked(message.path);
        break;
    }
  }

  /** "Open Source": the bulletin's editor, at the line the preview shows at its top. */
  showSource(): Promise<void> {
    return this.revealLine(this.line ?? 0);
  }

  /** A link to another bulletin: this preview shows that one, as Markdown's follows a link to another Markdown file. */
  private async openLinked(path: string): Promise<void> {
    const target = vscode.Uri.joinPath(this.resourceUri, '..', ...bulletinPathSegments(path));
    try {
      await vscode.workspace.fs.stat(target);
    } catch {
      void vscode.window.showWarningMessage(vscode.l10n.t('The bulletin {0} was not found.', vscode.workspace.asRelativePath(target)));
      return;
    }
    this.setResource(target);
  }

  private editorsOfResource(): vscode.TextEditor[] {
    const uri = this.resourceUri.toString();
    return vscode.window.visibleTextEditors.filter((editor) => editor.document.uri.toString() === uri);
  }

  private scrollEditors(line: number): void {
    for (const editor of this.editorsOfResource()) {
      const target = Math.min(Math.floor(line), Math.max(0, editor.document.lineCount - 1));
      if (editor.visibleRanges[0]?.start.line === target) continue; // already there: no scroll, no answer to wait for
      this.scrollEcho.revealed(target);
      editor.revealRange(new vscode.Range(target, 0, target, 0), vscode.TextEditorRevealType.AtTop);
    }
  }

  private async revealLine(line: number): Promise<void> {
    const document = await vscode.workspace.openTextDocument(this.resourceUri);
    const target = Math.min(Math.floor(line), Math.max(0, document.lineCount - 1));
    const visible = this.editorsOfResource()[0];
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One),
      preserveFocus: false,
    });
    const position = new vscode.Position(target, document.lineAt(target).firstNonWhitespaceCharacterIndex);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private post(message: ToWebview): void {
    if (this.disposed) return;
    if (vscode.workspace.isTrusted) {
      void this.panel.webview.postMessage(message);
    } else if (message.type === 'update') {
      this.setStaticHtml(message.html);
    } else if (message.type === 'error') {
      this.setStaticHtml(`<p class="preview-error">${escapeAttribute(message.message)}</p>`);
    }
  }

  /** Restricted Mode: the page itself, with styles and no script (the CSP allows none). */
  private setStaticHtml(body: string): void {
    const webview = this.panel.webview;
    const stylesheet = webview.asWebviewUri(vscode.Uri.joinPath(mediaRoot(this.host.extensionUri), 'preview.css')).toString();
    webview.html = restrictedPreviewHtml({ body, stylesheet, cspSource: webview.cspSource });
  }

  private updateTitle(): void {
    // Named after the file, as Markdown's preview is: `MS04-029.bulletin.yaml` → `MS04-029`.
    const name = (this.resourceUri.path.split('/').pop() ?? '').replace(/\.bulletin\.ya?ml$/i, '');
    this.panel.title = this.lockedState ? vscode.l10n.t('[Locked] Preview {0}', name) : vscode.l10n.t('Preview {0}', name);
  }

  /** Set once; every later change arrives by message, so the page keeps its scroll position. */
  private setHtml(): void {
    const webview = this.panel.webview;
    const nonce = randomBytes(16).toString('base64');
    const media = mediaRoot(this.host.extensionUri);
    const css = webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css'));
    const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.js'));
    const csp = [
      `default-src 'none'`,
      `style-src ${webview.cspSource}`,
      // Remote images only when the reader allows them (the server then renders them as images).
      `img-src ${webview.cspSource}${vscode.workspace.getConfiguration('bulletin.preview').get<boolean>('allowRemoteImages', false) ? ' https:' : ''}`,
      `script-src 'nonce-${nonce}'`,
      `form-action 'none'`,
      `base-uri 'none'`,
    ].join('; ');
    const initial = JSON.stringify({ source: this.resourceUri.toString(), locked: this.lockedState, line: this.line });
    this.panel.webview.html =
      `<!DOCTYPE html><html><head><meta charset="utf-8">` +
      `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">` +
      `<meta name="viewport" content="width=device-width, initial-scale=1">` +
      `<link rel="stylesheet" href="${escapeAttribute(css.toString())}">` +
      `<script nonce="${escapeAttribute(nonce)}" src="${escapeAttribute(script.toString())}" defer></script>` +
      `</head><body data-initial="${escapeAttribute(initial)}"><div id="bulletin-root" role="document"></div></body></html>`;
  }
}
