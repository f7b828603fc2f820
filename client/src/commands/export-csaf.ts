/**
 * "Bulletin: Export CSAF": the server maps the bulletin to a CSAF 2.0 advisory and validates
 * it; a valid one is saved as `<tracking id>.json` (the CSAF file name convention). What would
 * stop an export is shown all the time as diagnostics of their own (`bulletin-csaf`), sent by
 * the server after each change, so the rule diagnostics are never replaced. Without a
 * publisher, the export asks for one in place and resumes (../csaf-publisher.ts).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CsafDiagnosticsNotification, ExportCsafRequest } from '../../../server/src/protocol';
import { bulletinResource } from './open-preview';
import { offerExported } from '../exported';
import { exportWithPublisher, type CsafPublisherSetting, type PublisherPrompts } from '../csaf-publisher';

/** CSAF 2.0 section 5.1: the tracking id in lower case, every other character than + - a-z 0-9 as `_`. */
export function csafFileName(trackingId: string): string {
  return `${trackingId.toLowerCase().replace(/[^+\-a-z0-9]+/g, '_')}.json`;
}

/** How many CSAF findings each document has, for the status item's count. */
class CsafFindings {
  private readonly byUri = new Map<string, { findings: number; errors: number }>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  set(uri: string, diagnostics: readonly { severity?: number }[]): void {
    if (diagnostics.length === 0) this.byUri.delete(uri);
    else this.byUri.set(uri, { findings: diagnostics.length, errors: diagnostics.filter((d) => (d.severity ?? 1) === 1).length });
    this.changed.fire();
  }

  counts(): { findings: number; errors: number } {
    let findings = 0;
    let errors = 0;
    for (const c of this.byUri.values()) {
      findings += c.findings;
      errors += c.errors;
    }
    return { findings, errors };
  }
}

export const csafFindings = new CsafFindings();

export function registerExportCsaf(client: LanguageClient): vscode.Disposable[] {
  const collection = vscode.languages.createDiagnosticCollection('bulletin-csaf');
  const notification = client.onNotification(CsafDiagnosticsNotification, async (params) => {
    const uri = client.protocol2CodeConverter.asUri(params.uri);
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    if (params.version !== 0 && open && open.version !== params.version) return; // a newer check is on its way
    csafFindings.set(uri.toString(), params.diagnostics);
    if (params.diagnostics.length === 0) collection.delete(uri);
    else collection.set(uri, await client.protocol2CodeConverter.asDiagnostics(params.diagnostics));
  });
  const command = vscode.commands.registerCommand('bulletin.exportCsaf', async (argument: unknown) => {
    const resource = bulletinResource(argument);
    if (!resource) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a bulletin (*.bulletin.yaml) in an editor to export it.'));
      return;
    }
    // The server exports only documents it has been sent: open it (no editor needed).
    await vscode.workspace.openTextDocument(resource);
    const result = await exportWithPublisher(() => client.sendRequest(ExportCsafRequest, { uri: resource.toString() }), publisherPrompts(resource), {
      nameEmpty: vscode.l10n.t('Type the name of the publisher, such as HotFix Report.'),
      namespaceEmpty: vscode.l10n.t("Type a URL under the publisher's control, such as https://www.example.com."),
      namespaceUrl: vscode.l10n.t('The namespace is a URL starting with https:// or http://, such as https://www.example.com.'),
    });
    if (result === undefined) return; // a publisher prompt was cancelled
    if (!result) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a bulletin (*.bulletin.yaml) in an editor to export it.'));
      return;
    }
    if (!result.ok) {
      // The server's message is in the user's language.
      void vscode.window.showErrorMessage(result.message);
      return;
    }
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(resource, '..', csafFileName(result.id)),
      filters: { JSON: ['json'] },
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.json));
    // Open and Reveal buttons (../exported.ts); the command does not wait for the toast.
    void offerExported(target, 'csaf');
  });
  return [collection, notification, command];
}

/**
 * The publisher prompts as input boxes; the answer is saved to the workspace's settings when a
 * folder is open (the CLI reads `.vscode/settings.json` too), else to the user's.
 */
function publisherPrompts(resource: vscode.Uri): PublisherPrompts {
  const settings = () => vscode.workspace.getConfiguration('bulletin', resource);
  return {
    input: ({ field, value, validate }) =>
      vscode.window.showInputBox({
        title: vscode.l10n.t('Export CSAF: publisher'),
        prompt: field === 'name' ? vscode.l10n.t('Name of the publisher of the CSAF advisories (document.publisher.name)') : vscode.l10n.t("The publisher's namespace: a URL under its control (document.publisher.namespace)"),
        placeHolder: field === 'name' ? 'HotFix Report' : 'https://www.example.com',
        value,
        ignoreFocusOut: true,
        validateInput: validate,
      }),
    current: () => settings().get<CsafPublisherSetting>('csaf.publisher'),
    save: (publisher) => settings().update('csaf.publisher', publisher, vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global),
  };
}
