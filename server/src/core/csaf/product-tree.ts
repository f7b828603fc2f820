/**
 * Platforms → CSAF product tree: vendor → product name → service pack → one product per
 * platform `id`; platforms without an update (`unsupported`) get products too, since they are
 * known to be affected. The patched state of a platform is a relationship: its package
 * `installed_on` the platform, whose product id is what `fixed` lists. A platform's `cpe` is its
 * product's identification helper (and that of the platform with the package installed); a
 * package is identified by its file name.
 */
import type { CsafSourceMap } from './source-map';
import { isObj, str, type Obj } from './json';

/** A CSAF product: its id, name and, where known, how to identify it (a platform's CPE, a package's file name). */
export interface Product {
  product_id: string;
  name: string;
  product_identification_helper?: { cpe?: string; skus?: string[] };
}

export interface Branch {
  category: string;
  name: string;
  branches?: Branch[];
  product?: Product;
}

export interface Relationship {
  category: 'installed_on';
  product_reference: string;
  relates_to_product_reference: string;
  full_product_name: Product;
}

export interface PlatformProduct {
  productId: string;
  name: string;
  /** Pointer of the platform item in the bulletin. */
  pointer: string;
  /** Product id of "package installed on platform", when the platform has a package. */
  fixedId?: string;
  platform: Obj;
}

export interface UnsupportedProduct {
  productId: string;
  name: string;
  reason?: string;
  pointer: string;
}

export interface ProductTree {
  tree: { branches: Branch[]; relationships?: Relationship[] };
  platforms: PlatformProduct[];
  unsupported: UnsupportedProduct[];
}

const SERVICE_PACK = /^(.*?)(?:,\s*|\s+)(SP\s?\d+[a-z]?|Service Pack\s+\d+[a-z]?)$/i;

/** "Windows NT Server 4.0 SP6a" → ["Windows NT Server 4.0", "SP6a"]; no service pack → [name]. */
export function splitServicePack(name: string): [string, string?] {
  const match = SERVICE_PACK.exec(name.trim());
  return match && match[1] ? [match[1].trim(), match[2]] : [name.trim()];
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9.]+/g, '-').replace(/^-+|-+$/g, '') || 'product';
}

/** A product of the tree, with its CPE where the bulletin gives one. */
function productOf(leaf: { productId: string; name: string; cpe?: string }): Product {
  return { product_id: leaf.productId, name: leaf.name, ...(leaf.cpe ? { product_identification_helper: { cpe: leaf.cpe } } : {}) };
}

export function buildProductTree(root: Obj, vendor: string, updateLabel: string, map: CsafSourceMap): ProductTree {
  const platforms: PlatformProduct[] = [];
  const unsupported: UnsupportedProduct[] = [];
  // product name → leaves under it, in the order the bulletin lists them
  const byProduct = new Map<string, { servicePack?: string; productId: string; name: string; pointer: string; namePointer: string; cpe?: string }[]>();
  const add = (name: string, productId: string, pointer: string, namePointer: string, cpe: string | undefined) => {
    const [product, servicePack] = splitServicePack(name);
    const list = byProduct.get(product) ?? [];
    list.push({ servicePack, productId, name, pointer, namePointer, cpe });
    byProduct.set(product, list);
  };

  (Array.isArray(root.platforms) ? root.platforms : []).forEach((p, i) => {
    if (!isObj(p) || !str(p.id) || !str(p.name)) return;
    const pointer = `/platforms/${i}`;
    platforms.push({ productId: p.id as string, name: p.name as string, pointer, platform: p });
    add(p.name as string, p.id as string, `${pointer}/id`, `${pointer}/name`, str(p.cpe));
  });
  const taken = new Set(platforms.map((p) => p.productId));
  (Array.isArray(root.unsupported) ? root.unsupported : []).forEach((u, i) => {
    if (!isObj(u) || !str(u.name)) return;
    let productId = `unsupported-${slug(u.name as string)}`;
    for (let n = 2; taken.has(productId); n++) productId = `unsupported-${slug(u.name as string)}-${n}`;
    taken.add(productId);
    const pointer = `/unsupported/${i}`;
    unsupported.push({ productId, name: u.name as string, reason: str(u.reason), pointer });
    add(u.name as string, productId, `${pointer}/name`, `${pointer}/name`, str(u.cpe));
  });

  const vendorBranch: Branch = { category: 'vendor', name: vendor, branches: [] };
  const base = '/product_tree/branches/0/branches';
  [...byProduct].forEach(([product, leaves], pi) => {
    const productPointer = `${base}/${pi}`;
    map.set(productPointer, leaves[0].namePointer);
    // A single platform without a service pack is the product itself; otherwise one branch per leaf.
    if (leaves.length === 1 && !leaves[0].servicePack) {
      const leaf = leaves[0];
      vendorBranch.branches!.push({ category: 'product_name', name: product, product: productOf(leaf) });
      map.set(`${productPointer}/product/product_id`, leaf.pointer);
      if (leaf.cpe) map.set(`${productPointer}/product/product_identification_helper`, leaf.pointer.replace(/\/(id|name)$/, '/cpe'));
      map.set(`${productPointer}/product/name`, leaf.namePointer);
      return;
    }
    const children: Branch[] = leaves.map((leaf, li) => {
      map.set(`${productPointer}/branches/${li}`, leaf.namePointer);
      map.set(`${productPointer}/branches/${li}/product/product_id`, leaf.pointer);
      map.set(`${productPointer}/branches/${li}/product/name`, leaf.namePointer);
      if (leaf.cpe) map.set(`${productPointer}/branches/${li}/product/product_identification_helper`, leaf.pointer.replace(/\/(id|name)$/, '/cpe'));
      return leaf.servicePack ? { category: 'service_pack', name: leaf.servicePack, product: productOf(leaf) } : { category: 'product_version', name: leaf.name, product: productOf(leaf) };
    });
    vendorBranch.branches!.push({ category: 'product_name', name: product, branches: children });
  });

  // The packages: vendor → package file → version (when given) → product.
  const relationships: Relationship[] = [];
  const packageIds = new Map<string, string>();
  for (const platform of platforms) {
    const pkg = platform.platform.package;
    if (!isObj(pkg) || !str(pkg.file)) continue;
    const file = pkg.file as string;
    let packageId = packageIds.get(file);
    if (!packageId) {
      packageId = `package:${file}`;
      packageIds.set(file, packageId);
      // The installer's file name is the vendor's own name for the download: its identifier.
      const product = { product_id: packageId, name: file, product_identification_helper: { skus: [file] } };
      const index = vendorBranch.branches!.length;
      map.set(`${base}/${index}`, `${platform.pointer}/package/file`);
      map.set(`${base}/${index}/product/product_id`, `${platform.pointer}/package/file`);
      const version = str(pkg.version);
      vendorBranch.branches!.push(
        version
          ? { category: 'product_name', name: file, branches: [{ category: 'product_version', name: version, product }] }
          : { category: 'product_name', name: file, product },
      );
    }
    platform.fixedId = `${platform.productId}:${updateLabel}`;
    const r = relationships.length;
    map.set(`/product_tree/relationships/${r}`, `${platform.pointer}/package`);
    map.set(`/product_tree/relationships/${r}/full_product_name/product_id`, `${platform.pointer}/id`);
    relationships.push({
      category: 'installed_on',
      product_reference: packageId,
      relates_to_product_reference: platform.productId,
      // The fixed product is the platform (its CPE) with the package installed.
      full_product_name: {
        product_id: platform.fixedId,
        name: `${file} (${updateLabel}) on ${platform.name}`,
        ...(str(platform.platform.cpe) ? { product_identification_helper: { cpe: platform.platform.cpe as string } } : {}),
      },
    });
  }
  return {
    tree: { branches: [vendorBranch], ...(relationships.length > 0 ? { relationships } : {}) },
    platforms,
    unsupported,
  };
}
