/**
 * One copy of each string the workspace's records repeat (file names, dates, descriptions,
 * folders): each record comes with copies of its own (posted by a worker, or read on the
 * server's thread), and 10,000 bulletins name the same few hundred files. Owned by the index
 * workers (what reads closed files); bounded, so a workspace of unique strings keeps no more
 * than `limit` of them.
 */
export class StringPool {
  private readonly known = new Map<string, string>();

  constructor(private readonly limit = 200_000) {}

  /** Replaces each string of `strings` by the pooled copy of it, in place (equal texts: nothing a reader sees changes). */
  intern(strings: string[]): void {
    for (let i = 0; i < strings.length; i++) {
      const text = strings[i];
      const pooled = this.known.get(text);
      if (pooled === undefined) {
        if (this.known.size < this.limit) this.known.set(text, text);
      } else strings[i] = pooled;
    }
  }
}
