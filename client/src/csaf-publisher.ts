/**
 * Export CSAF without a publisher: the export asks for the publisher's name and namespace in
 * place, saves them to `bulletin.csaf.publisher`, and resumes. No vscode import here (the
 * input boxes and the setting come in as `PublisherPrompts`), so the flow is tested as is.
 */
import type { ExportCsafResult } from '../../server/src/protocol';

export interface CsafPublisherSetting {
  name?: string;
  namespace?: string;
  category?: string;
}

/** What the flow needs from the editor: one input box per field, and the setting. */
export interface PublisherPrompts {
  /** An input box: `validate` answers a message for a value it refuses; undefined when the author cancels. */
  input(options: { field: 'name' | 'namespace'; value: string; validate: (value: string) => string | undefined }): PromiseLike<string | undefined>;
  current(): CsafPublisherSetting | undefined;
  save(publisher: CsafPublisherSetting): PromiseLike<void>;
}

/** Why a namespace is refused: CSAF wants a URL the publisher controls (`https://www.example.com`). */
export function namespaceProblem(value: string): 'empty' | 'url' | undefined {
  const text = value.trim();
  if (!text) return 'empty';
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname ? undefined : 'url';
  } catch {
    return 'url';
  }
}

export interface PublisherMessages {
  nameEmpty: string;
  namespaceEmpty: string;
  namespaceUrl: string;
}

/**
 * Runs the export; if it stops for want of a publisher, asks for the name and namespace
 * (filled with what the setting has), saves them (keeping the category) and runs it again.
 * Undefined when the author cancels a prompt: nothing is saved then.
 */
export async function exportWithPublisher(
  exportOnce: () => PromiseLike<ExportCsafResult | null>,
  prompts: PublisherPrompts,
  messages: PublisherMessages,
): Promise<ExportCsafResult | null | undefined> {
  const first = await exportOnce();
  if (!first || first.ok || first.reason !== 'publisher') return first;
  const current = prompts.current() ?? {};
  const name = await prompts.input({ field: 'name', value: current.name ?? '', validate: (v) => (v.trim() ? undefined : messages.nameEmpty) });
  if (name === undefined) return undefined;
  const namespace = await prompts.input({
    field: 'namespace',
    value: current.namespace ?? '',
    validate: (v) => {
      const problem = namespaceProblem(v);
      return problem === 'empty' ? messages.namespaceEmpty : problem === 'url' ? messages.namespaceUrl : undefined;
    },
  });
  if (namespace === undefined) return undefined;
  await prompts.save({ ...current, name: name.trim(), namespace: namespace.trim(), category: current.category ?? 'other' });
  return exportOnce();
}
