/**
 * The previews of a window: an unlocked preview follows the active bulletin editor, a locked
 * one stays on its document; editor changes and scrolling reach the previews of that
 * document; panels come back after a window reload (webview panel serializer).
 */
import * as vscode from 'vscode';
import { parsePreviewState } from './messages';
import { BulletinPreview, previewViewType, webviewOptions, type PreviewHost } from './panel';

export const bulletinLanguageId = 'bulletin';

const isBulletin = (document: vscode.TextDocument) => document.languageId === bulletinLanguageId;

export class PreviewManager implements vscode.Disposable {
  private readonly previews = new Set<BulletinPreview>();
  private readonly disposables: vscode.Disposable[] = [];
  private activePreview: BulletinPreview | undefined;

  constructor(private readonly host: PreviewHost) {
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(previewViewType, {
        deserializeWebviewPanel: (panel, state) => this.restore(panel, state),
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (!editor || !isBulletin(editor.document)) return;
        for (const preview of this.previews) if (!preview.locked) preview.setResource(editor.document.uri);
      }),
      // Any bulletin's edit can change a page: its own text, or another's comparison tables and
      // cross-file findings. Each preview's scheduler bounds the renders to one per 100 ms.
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0 || !isBulletin(event.document)) return;
        for (const preview of this.previews) preview.refresh();
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => {
        const first = event.visibleRanges[0];
        if (!first || !isBulletin(event.textEditor.document)) return;
        this.forResource(event.textEditor.document.uri, (preview) => preview.scrollToLine(first.start.line));
      }),
    );
  }

  /** Opens (or reveals) the preview of a bulletin; an unlocked preview is reused, like Markdown's. */
  show(resource: vscode.Uri, sideBySide: boolean): BulletinPreview {
    const column = sideBySide ? vscode.ViewColumn.Beside : (vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.Active);
    const existing = [...this.previews].find((p) => p.resource.toString() === resource.toString()) ?? [...this.previews].find((p) => !p.locked);
    if (existing) {
      existing.setResource(resource);
      existing.panel.reveal(sideBySide ? undefined : column, sideBySide);
      return existing;
    }
    const panel = vscode.window.createWebviewPanel(previewViewType, '', { viewColumn: column, preserveFocus: sideBySide }, webviewOptions(this.host.extensionUri));
    return this.track(new BulletinPreview(panel, resource, false, this.host));
  }

  /** The preview the user is looking at (focused), else the only one. */
  get current(): BulletinPreview | undefined {
    return this.activePreview ?? (this.previews.size === 1 ? [...this.previews][0] : undefined);
  }

  toggleLock(): boolean {
    const preview = this.current;
    if (!preview) return false;
    preview.toggleLock();
    return true;
  }

  /** Renders every preview again (the server's knowledge changed, not a text: see preview/index.ts). */
  refreshAll(): void {
    for (const preview of this.previews) preview.refresh();
  }

  dispose(): void {
    for (const preview of [...this.previews]) preview.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private async restore(panel: vscode.WebviewPanel, raw: unknown): Promise<void> {
    const state = parsePreviewState(raw);
    if (!state) {
      panel.dispose(); // nothing to show: the document it showed is unknown
      return;
    }
    const resource = vscode.Uri.parse(state.resource);
    try {
      // Opening the document makes the language client send it to the server, which renders it.
      await vscode.workspace.openTextDocument(resource);
    } catch {
      panel.dispose();
      return;
    }
    this.track(new BulletinPreview(panel, resource, state.locked, this.host, state.line));
  }

  private track(preview: BulletinPreview): BulletinPreview {
    this.previews.add(preview);
    if (preview.panel.active) this.activePreview = preview;
    const viewState = preview.panel.onDidChangeViewState(({ webviewPanel }) => {
      if (webviewPanel.active) this.activePreview = preview;
      else if (this.activePreview === preview) this.activePreview = undefined;
    });
    preview.onDispose(() => {
      viewState.dispose();
      this.previews.delete(preview);
      if (this.activePreview === preview) this.activePreview = undefined;
    });
    return preview;
  }

  private forResource(uri: vscode.Uri, action: (preview: BulletinPreview) => void): void {
    const key = uri.toString();
    for (const preview of this.previews) if (preview.resource.toString() === key) action(preview);
  }
}
