/**
 * The package's version and public addresses, from package.json. esbuild bundles the named
 * top-level fields only (JSON imports are tree-shaken), so dist/cli.js needs no package.json
 * at run time.
 */
import { homepage, repository, version } from '../../../package.json';

export { version };

/** `git+https://github.com/o/r.git` → `https://github.com/o/r`. */
export function repositoryUrl(repo: string | { url: string }): string {
  const url = typeof repo === 'string' ? repo : repo.url;
  return url.replace(/^git\+/, '').replace(/\.git$/, '').replace(/\/$/, '');
}

/** Where users read about Bulletin: the homepage, else the repository. */
export const homepageUrl: string = homepage || repositoryUrl(repository);

/** The rule documentation as published (`docs/rules.md` on the default branch); `#code` is each rule's heading. */
export const rulesDocUrl = `${repositoryUrl(repository)}/blob/main/docs/rules.md`;
