/**
 * Bulletin → CSAF remediations: a `vendor_fix` per platform (its package, file manifest and
 * registry check in `details`, `restart_required` from `restart`), a `workaround` per
 * workaround (with its port lists) and a `no_fix_planned` per unsupported platform.
 */
import { msg, type Locale } from '../messages';
import { isObj, list, str, type Obj } from './json';
import type { PlatformProduct, UnsupportedProduct } from './product-tree';
import type { CsafSourceMap } from './source-map';
import { csafDate } from './dates';

export interface Remediation {
  category: 'vendor_fix' | 'workaround' | 'no_fix_planned';
  details: string;
  product_ids: string[];
  url?: string;
  date?: string;
  restart_required?: { category: 'machine' | 'none'; details?: string };
}

/** A remediation plus the bulletin pointers its fields came from (added to the map per vulnerability). */
export interface MappedRemediation {
  remediation: Remediation;
  pointer: string;
  fields: Record<string, string>;
}

const RESTART: Record<string, { category: 'machine' | 'none'; key: string }> = {
  required: { category: 'machine', key: 'csaf.restart.required' },
  'may-be-required': { category: 'machine', key: 'csaf.restart.mayBe' },
  'not-required': { category: 'none', key: 'csaf.restart.none' },
};

function packageDetails(platform: PlatformProduct, lang: Locale): string {
  const p = platform.platform;
  const pkg = isObj(p.package) ? p.package : {};
  const facts = [
    str(pkg.version) && msg(lang, 'csaf.fix.packageVersion', { version: pkg.version as string }),
    typeof pkg.size === 'number' && msg(lang, 'csaf.fix.packageSize', { size: pkg.size }),
    str(pkg.date) && msg(lang, 'csaf.fix.packageDate', { date: pkg.date as string }),
  ].filter(Boolean);
  const lines = [msg(lang, 'csaf.fix.package', { file: pkg.file as string }) + (facts.length > 0 ? ` (${facts.join(', ')})` : '') + (lang === 'ja' ? '。' : '.')];
  const files = list(p.files).filter(isObj);
  if (files.length > 0) {
    lines.push(str(p.folder) ? msg(lang, 'csaf.fix.files', { folder: p.folder as string }) : msg(lang, 'csaf.fix.filesNoFolder'));
    for (const f of files) {
      const cells = [f.name, f.variant && `[${f.variant}]`, f.version, f.date, typeof f.size === 'number' ? String(f.size) : undefined, f.folder, f.description];
      lines.push(`- ${cells.filter((c) => typeof c === 'string' && c !== '').join(' ')}`);
    }
  }
  const registry = isObj(p.verify) ? list(p.verify.registry).filter(isObj) : [];
  if (registry.length > 0) {
    lines.push(msg(lang, 'csaf.fix.registry'));
    for (const r of registry) {
      lines.push(`- ${msg(lang, 'csaf.fix.registryEntry', { key: String(r.key ?? ''), value: String(r.value ?? ''), type: String(r.type ?? ''), data: String(r.data ?? '') })}`);
    }
  }
  return lines.join('\n');
}

export function buildRemediations(root: Obj, platforms: PlatformProduct[], unsupported: UnsupportedProduct[], advisoryUrl: string | undefined, lang: Locale): MappedRemediation[] {
  const out: MappedRemediation[] = [];
  const restart = str(root.restart) ? RESTART[root.restart as string] : undefined;
  for (const platform of platforms) {
    const hasPackage = isObj(platform.platform.package) && str(platform.platform.package.file);
    const pkgDate = hasPackage ? csafDate((platform.platform.package as Obj).date) : undefined;
    out.push({
      remediation: {
        category: 'vendor_fix',
        details: hasPackage ? packageDetails(platform, lang) : msg(lang, 'csaf.fix.noPackage', { platform: platform.name }),
        product_ids: [platform.productId],
        ...(advisoryUrl ? { url: advisoryUrl } : {}),
        ...(pkgDate ? { date: pkgDate } : {}),
        ...(restart ? { restart_required: { category: restart.category, details: msg(lang, restart.key) } } : {}),
      },
      pointer: hasPackage ? `${platform.pointer}/package` : platform.pointer,
      fields: {
        product_ids: `${platform.pointer}/id`,
        ...(pkgDate ? { date: `${platform.pointer}/package/date` } : {}),
        ...(advisoryUrl ? { url: '/advisories/0/url' } : {}),
        ...(restart ? { restart_required: '/restart' } : {}),
      },
    });
  }
  const affected = [...platforms.map((p) => p.productId), ...unsupported.map((u) => u.productId)];
  list(root.workarounds).forEach((w, i) => {
    if (!isObj(w) || !str(w.title) || affected.length === 0) return;
    const lines = [w.title as string];
    const ports = isObj(w.ports) ? w.ports : {};
    for (const protocol of ['udp', 'tcp']) {
      const numbers = list(ports[protocol]).filter((n) => typeof n === 'number');
      if (numbers.length > 0) lines.push(msg(lang, 'csaf.workaround.ports', { protocol: protocol.toUpperCase(), ports: numbers.join(', ') }));
    }
    if (str(w.note)) lines.push(w.note as string);
    out.push({
      remediation: { category: 'workaround', details: lines.join('\n'), product_ids: affected },
      pointer: `/workarounds/${i}`,
      fields: { details: `/workarounds/${i}/title` },
    });
  });
  for (const u of unsupported) {
    out.push({
      remediation: { category: 'no_fix_planned', details: [msg(lang, 'csaf.unsupported', { name: u.name }), u.reason].filter(Boolean).join('\n'), product_ids: [u.productId] },
      pointer: u.pointer,
      fields: { details: `${u.pointer}/reason` },
    });
  }
  return out;
}

export function addRemediationsToMap(map: CsafSourceMap, base: string, mapped: MappedRemediation[]): void {
  mapped.forEach((m, i) => {
    map.set(`${base}/${i}`, m.pointer);
    for (const [field, pointer] of Object.entries(m.fields)) map.set(`${base}/${i}/${field}`, pointer);
  });
}
