/**
 * The workspace index: every bulletin's compact model, by document key and by id.
 */
import type { Bulletin } from '../model';

export class WorkspaceIndex {
  private readonly byUri = new Map<string, Bulletin>();
  private readonly idToUris = new Map<string, Set<string>>();

  set(bulletin: Bulletin): void {
    this.delete(bulletin.uri);
    this.byUri.set(bulletin.uri, bulletin);
    if (bulletin.id) {
      let set = this.idToUris.get(bulletin.id);
      if (!set) this.idToUris.set(bulletin.id, (set = new Set()));
      set.add(bulletin.uri);
    }
  }

  delete(uri: string): Bulletin | undefined {
    const old = this.byUri.get(uri);
    if (!old) return undefined;
    this.byUri.delete(uri);
    if (old.id) {
      const set = this.idToUris.get(old.id);
      set?.delete(uri);
      if (set && set.size === 0) this.idToUris.delete(old.id);
    }
    return old;
  }

  get(uri: string): Bulletin | undefined {
    return this.byUri.get(uri);
  }

  /** Every bulletin with this id (more than one is a `duplicate-id`). */
  byId(id: string): Bulletin[] {
    const uris = this.idToUris.get(id);
    return uris ? [...uris].map((uri) => this.byUri.get(uri)!).filter(Boolean) : [];
  }

  all(): IterableIterator<Bulletin> {
    return this.byUri.values();
  }

  get size(): number {
    return this.byUri.size;
  }
}
