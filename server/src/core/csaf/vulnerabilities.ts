/**
 * Bulletin vulnerabilities → CSAF vulnerabilities: `cve` for CVE ids, `ids` for CAN and vendor
 * ids, impacts and exploit status as threats, product status (every platform and unsupported
 * platform known_affected; each platform with its package installed fixed) and the
 * remediations. A bulletin that lists no vulnerability yields one, named by the bulletin id,
 * since a security advisory must have at least one.
 */
import { msg, type Locale } from '../messages';
import { isObj, list, str, type Obj } from './json';
import { defEnumLabel } from './labels';
import type { ProductTree } from './product-tree';
import type { MappedRemediation } from './remediations';
import type { CsafSourceMap } from './source-map';
import { vulnerabilityScores } from './scores';

const CVE = /^CVE-\d{4}-\d{4,}$/;
const CAN = /^CAN-\d{4}-\d{4,}$/;

interface Context {
  vendor: string;
  lang: Locale;
  products: ProductTree;
  remediations: MappedRemediation[];
  map: CsafSourceMap;
  addRemediations: (map: CsafSourceMap, base: string, mapped: MappedRemediation[]) => void;
}

export function buildVulnerabilities(root: Obj, context: Context): Obj[] {
  const { vendor, lang, products, remediations, map } = context;
  const knownAffected = [...products.platforms.map((p) => p.productId), ...products.unsupported.map((u) => u.productId)];
  const fixed = products.platforms.flatMap((p) => (p.fixedId ? [p.fixedId] : []));
  const affectedPointers = [...products.platforms.map((p) => `${p.pointer}/id`), ...products.unsupported.map((u) => `${u.pointer}/name`)];
  const fixedPointers = products.platforms.flatMap((p) => (p.fixedId ? [`${p.pointer}/package`] : []));
  const entries = list(root.vulnerabilities)
    .map((v, i) => ({ v, pointer: `/vulnerabilities/${i}` }))
    .filter((e): e is { v: Obj; pointer: string } => isObj(e.v) && str(e.v.id) !== undefined);
  if (entries.length === 0) entries.push({ v: { id: str(root.id) ?? '', title: str(root.title) ?? '' }, pointer: '' });

  return entries.map(({ v, pointer }, index) => {
    const base = `/vulnerabilities/${index}`;
    const id = (v.id as string).trim();
    const title = str(v.title) ?? id;
    map.set(base, pointer);
    map.set(`${base}/title`, pointer && `${pointer}/title`);
    map.set(`${base}/notes`, pointer && `${pointer}/title`);
    const identity: Obj = {};
    if (CVE.test(id)) {
      identity.cve = id;
      map.set(`${base}/cve`, pointer && `${pointer}/id`);
    } else {
      identity.ids = [{ system_name: CAN.test(id) ? 'CAN' : vendor, text: id }];
      map.set(`${base}/ids`, pointer ? `${pointer}/id` : '/id');
    }
    const impacts = list(v.impact).filter((i): i is string => typeof i === 'string');
    const threats: Obj[] = impacts.map((impact) => ({
      category: 'impact',
      details: defEnumLabel('vulnerability', 'impact', impact, lang),
      ...(knownAffected.length > 0 ? { product_ids: knownAffected } : {}),
    }));
    impacts.forEach((_, i) => map.set(`${base}/threats/${i}`, `${pointer}/impact/${i}`));
    if (str(root.exploit)) {
      map.set(`${base}/threats/${threats.length}`, '/exploit');
      threats.push({ category: 'exploit_status', details: msg(lang, `csaf.threat.exploit.${root.exploit as string}`) });
    }
    const descriptions = [title, ...impacts.map((impact) => defEnumLabel('vulnerability', 'impact', impact, lang))];
    map.set(`${base}/product_status`, '/platforms');
    affectedPointers.forEach((p, i) => map.set(`${base}/product_status/known_affected/${i}`, p));
    fixedPointers.forEach((p, i) => map.set(`${base}/product_status/fixed/${i}`, p));
    context.addRemediations(map, `${base}/remediations`, remediations);
    const cvss = pointer ? vulnerabilityScores(v, pointer, knownAffected, lang) : {};
    if (cvss.scores) map.set(`${base}/scores/0`, cvss.scorePointer!);
    if (cvss.note) map.set(`${base}/notes/1`, cvss.notePointer!);
    if (cvss.cwe) map.set(`${base}/cwe`, cvss.cwePointer!);
    return {
      ...identity,
      title,
      ...(cvss.cwe ? { cwe: cvss.cwe } : {}),
      notes: [{ category: 'description', title: msg(lang, 'csaf.note.vulnerability'), text: descriptions.join('\n') }, ...(cvss.note ? [cvss.note] : [])],
      ...(cvss.scores ? { scores: cvss.scores } : {}),
      ...(knownAffected.length > 0 || fixed.length > 0
        ? { product_status: { ...(knownAffected.length > 0 ? { known_affected: knownAffected } : {}), ...(fixed.length > 0 ? { fixed } : {}) } }
        : {}),
      ...(remediations.length > 0 ? { remediations: remediations.map((m) => m.remediation) } : {}),
      ...(threats.length > 0 ? { threats } : {}),
    };
  });
}
