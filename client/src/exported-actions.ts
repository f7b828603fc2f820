/**
 * The buttons of the toast after an export (exported.ts), decided without `vscode` so that a
 * test can go through every system: "Open" (an HTML page in the browser when the window runs
 * on this machine, else in an editor) and the reveal VS Code itself offers there.
 */
export interface ExportedAction {
  button: 'open' | 'openInBrowser' | 'revealInFinder' | 'revealInFileExplorer' | 'openContainingFolder' | 'revealInExplorerView';
  run: 'open' | 'openExternal' | 'revealFileInOS' | 'revealInExplorer';
}

export interface ExportedWhere {
  kind: 'html' | 'csaf';
  /** The written file's URI scheme. */
  scheme: string;
  /** The workbench runs in a browser (code-server, vscode.dev). */
  web: boolean;
  /** Set when the extension host runs on another machine (SSH, WSL, a container). */
  remoteName: string | undefined;
  platform: string;
}

export function exportedActions(where: ExportedWhere): ExportedAction[] {
  // The system's file manager and browser are at hand only for a local file in a desktop window.
  const local = where.scheme === 'file' && !where.web && where.remoteName === undefined;
  const open: ExportedAction = local && where.kind === 'html' ? { button: 'openInBrowser', run: 'openExternal' } : { button: 'open', run: 'open' };
  if (!local) return [open, { button: 'revealInExplorerView', run: 'revealInExplorer' }];
  const reveal: ExportedAction['button'] = where.platform === 'darwin' ? 'revealInFinder' : where.platform === 'win32' ? 'revealInFileExplorer' : 'openContainingFolder';
  return [open, { button: reveal, run: 'revealFileInOS' }];
}
