/**
 * Parsed document → record: only what a check needs, each value with the range of its YAML
 * node. Read tolerantly: a value of the wrong type is simply absent here (the schema check
 * reports it).
 */
import { entryOf, itemOf, rangeOfLocation, type NodeLocation, type ParsedDocument, type Range } from '../parse';
import type { Problem } from '../problems';
import { fileHashes } from '../index/file-hash';
import { CVSS, DATA_KINDS, DEPLOYMENT, FILE, highCell, LANGS, lowCell, PLATFORM, REF, REF_KINDS, REGISTRY, REVISION, STATUSES, SUPPRESSION, SUPPRESSION_KINDS, TOP, VULN } from './layout';
import { readSuppressions } from '../parse/suppressions';
import type { BulletinRecord } from './record';
import { RecordWriter, type Rows } from './record-writer';
import { isObj, type Obj } from '../plain';

// Plain functions and loops rather than closures and `forEach`: the writer runs for every file
// read, so no closure is made per record, and V8 optimizes it in smaller pieces.

function setRange(cells: number[], at: number, range: Range | undefined): void {
  if (!range) return;
  cells[at] = range[0];
  cells[at + 1] = range[1];
}

function rangeOfEntry(location: NodeLocation | undefined, name: string): Range | undefined {
  const entry = entryOf(location, name);
  return entry && rangeOfLocation(entry);
}

/** One REVISION row per `revisions` item that is a mapping. */
function writeRevisions(w: RecordWriter, list: unknown, listAt: NodeLocation | undefined): void {
  if (!Array.isArray(list)) return;
  for (let i = 0; i < list.length; i++) {
    const v: unknown = list[i];
    const at = itemOf(listAt, i);
    if (!isObj(v) || !at) continue;
    const row = w.revisions.add();
    const c = w.revisions.cells;
    c[row + REVISION.item] = i;
    c[row + REVISION.date] = w.date(v.date);
    setRange(c, row + REVISION.dateStart, rangeOfEntry(at, 'date'));
    c[row + REVISION.summary] = w.string(v.summary);
    setRange(c, row + REVISION.summaryStart, rangeOfEntry(at, 'summary'));
    setRange(c, row + REVISION.start, w.itemRange(at));
  }
}

/**
 * Without `published` (or `updated`), `revisions` dates the bulletin: its first entry is the
 * publication, its last one (when there are two or more) the last update.
 */
function datesFromRevisions(t: number[], top: number, revisions: Rows): void {
  const c = revisions.cells;
  if (revisions.count === 0) return;
  const take = (cell: number, start: number, end: number, at: number) => {
    if (t[top + cell] >= 0 || c[at + REVISION.date] < 0) return;
    t[top + cell] = c[at + REVISION.date];
    t[top + start] = c[at + REVISION.dateStart];
    t[top + end] = c[at + REVISION.dateEnd];
  };
  take(TOP.published, TOP.publishedStart, TOP.publishedEnd, 0);
  if (revisions.count > 1) take(TOP.updated, TOP.updatedStart, TOP.updatedEnd, (revisions.count - 1) * REVISION.width);
}

/**
 * Where a scalar's text starts in the document when the scalar spells it character for
 * character (plain, or quoted with no escape and on one line), else -1: ranges inside the
 * value (a CVSS metric) are then exact.
 */
function spelledAt(text: string, range: Range, value: string): number {
  const [start, end] = range;
  if (end - start === value.length && text.startsWith(value, start)) return start;
  const quote = text[start];
  if ((quote === '"' || quote === "'") && end - start === value.length + 2 && text[end - 1] === quote && text.startsWith(value, start + 1)) return start + 1;
  return -1;
}

export function writeRecord(uri: string, parsed: ParsedDocument, intrinsic: Problem[], hash: string): BulletinRecord {
  const w = new RecordWriter(parsed.text);
  const root = isObj(parsed.value) ? parsed.value : {};
  const rootAt = parsed.root;

  const top = w.top.add();
  const t = w.top.cells;
  t[top + TOP.id] = w.string(root.id);
  setRange(t, top + TOP.idStart, rangeOfEntry(rootAt, 'id'));
  t[top + TOP.kb] = w.number(root.kb);
  setRange(t, top + TOP.kbStart, rangeOfEntry(rootAt, 'kb'));
  t[top + TOP.title] = w.string(root.title);
  t[top + TOP.published] = w.date(root.published);
  setRange(t, top + TOP.publishedStart, rangeOfEntry(rootAt, 'published'));
  t[top + TOP.updated] = w.date(root.updated);
  setRange(t, top + TOP.updatedStart, rangeOfEntry(rootAt, 'updated'));
  writeRevisions(w, root.revisions, entryOf(rootAt, 'revisions'));
  datesFromRevisions(t, top, w.revisions);
  t[top + TOP.severity] = w.string(root.severity);
  setRange(t, top + TOP.severityStart, rangeOfEntry(rootAt, 'severity'));
  t[top + TOP.exploit] = w.string(root.exploit);
  setRange(t, top + TOP.exploitStart, rangeOfEntry(rootAt, 'exploit'));
  t[top + TOP.urgency] = w.string(root.urgency);
  setRange(t, top + TOP.urgencyStart, rangeOfEntry(rootAt, 'urgency'));
  t[top + TOP.lang] = LANGS.indexOf(root.lang === 'en' ? 'en' : 'ja');
  t[top + TOP.status] = STATUSES.indexOf(root.status as (typeof STATUSES)[number]);
  setRange(t, top + TOP.statusStart, rangeOfEntry(rootAt, 'status'));
  if (Array.isArray(root.revisions)) setRange(t, top + TOP.revisionsStart, entryOf(rootAt, 'revisions')?.key);
  t[top + TOP.tlp] = w.string(root.tlp);
  setRange(t, top + TOP.tlpStart, rangeOfEntry(rootAt, 'tlp'));

  for (let k = 0; k < REF_KINDS.length; k++) writeRefs(w, k, root[REF_KINDS[k]], entryOf(rootAt, REF_KINDS[k]));

  const platforms = root.platforms;
  if (Array.isArray(platforms)) {
    const platformsAt = entryOf(rootAt, 'platforms');
    for (let pi = 0; pi < platforms.length; pi++) {
      const p: unknown = platforms[pi];
      if (isObj(p)) writePlatform(w, p, pi, itemOf(platformsAt, pi));
    }
  }

  const vulns = root.vulnerabilities;
  if (Array.isArray(vulns)) {
    const vulnsAt = entryOf(rootAt, 'vulnerabilities');
    for (let vi = 0; vi < vulns.length; vi++) {
      const v: unknown = vulns[vi];
      if (isObj(v)) writeVulnerability(w, v, vi, itemOf(vulnsAt, vi));
    }
  }

  for (const s of readSuppressions(parsed.text, parsed.lineStarts, rootAt)) {
    const row = w.suppressions.add();
    const c = w.suppressions.cells;
    c[row + SUPPRESSION.kind] = SUPPRESSION_KINDS.indexOf(s.kind);
    c[row + SUPPRESSION.code] = w.string(s.code);
    setRange(c, row + SUPPRESSION.codeStart, s.codeRange);
    c[row + SUPPRESSION.reason] = w.string(s.reason);
    setRange(c, row + SUPPRESSION.start, s.range);
    setRange(c, row + SUPPRESSION.target, s.target);
  }

  return w.finish(uri, parsed, intrinsic, hash);
}

/** One REF row per item of `includes` (kind 0) or `related` (kind 1) that is text. */
function writeRefs(w: RecordWriter, kind: number, list: unknown, listAt: NodeLocation | undefined): void {
  if (!Array.isArray(list)) return;
  for (let i = 0; i < list.length; i++) {
    const v: unknown = list[i];
    const location = itemOf(listAt, i);
    if (typeof v !== 'string' || !location) continue;
    const row = w.refs.add();
    const c = w.refs.cells;
    c[row + REF.kind] = kind;
    c[row + REF.id] = w.string(v);
    setRange(c, row + REF.start, rangeOfLocation(location));
    c[row + REF.item] = i;
  }
}

function writePlatform(w: RecordWriter, p: Obj, pi: number, platformAt: NodeLocation | undefined): void {
  const platformRow = w.platforms.count;
  const row = w.platforms.add();
  const c = w.platforms.cells;
  const platformId = typeof p.id === 'string' ? p.id : undefined;
  c[row + PLATFORM.item] = pi;
  c[row + PLATFORM.id] = w.string(p.id);
  setRange(c, row + PLATFORM.idStart, rangeOfEntry(platformAt, 'id'));
  c[row + PLATFORM.name] = w.string(p.name);
  setRange(c, row + PLATFORM.start, w.itemRange(platformAt));
  c[row + PLATFORM.folder] = w.string(p.folder);

  c[row + PLATFORM.filesFirst] = w.files.count;
  const files = p.files;
  if (Array.isArray(files)) {
    const filesAt = entryOf(platformAt, 'files');
    for (let fi = 0; fi < files.length; fi++) {
      const f: unknown = files[fi];
      if (isObj(f) && typeof f.name === 'string') writeFile(w, f, fi, itemOf(filesAt, fi), platformRow, platformId);
    }
  }
  c[row + PLATFORM.filesCount] = w.files.count - c[row + PLATFORM.filesFirst];

  if (isObj(p.package)) {
    const packageAt = entryOf(platformAt, 'package');
    const pkg = p.package;
    c[row + PLATFORM.hasPackage] = 1;
    c[row + PLATFORM.packageFile] = w.string(pkg.file);
    setRange(c, row + PLATFORM.packageFileStart, rangeOfEntry(packageAt, 'file'));
    c[row + PLATFORM.packageDate] = w.date(pkg.date);
    setRange(c, row + PLATFORM.packageDateStart, rangeOfEntry(packageAt, 'date'));
    c[row + PLATFORM.packageVersion] = w.version(pkg.version);
    c[row + PLATFORM.packageSize] = w.number(pkg.size);
    setRange(c, row + PLATFORM.packageStart, packageAt?.key ?? (packageAt && rangeOfLocation(packageAt)) ?? w.itemRange(platformAt));
  }

  if (isObj(p.verify) && Array.isArray(p.verify.registry)) {
    c[row + PLATFORM.registryFirst] = w.registry.count;
    const registryAt = entryOf(entryOf(platformAt, 'verify'), 'registry');
    const checks: unknown[] = p.verify.registry;
    for (let ri = 0; ri < checks.length; ri++) {
      const r = checks[ri];
      if (isObj(r)) writeRegistryCheck(w, r, ri, itemOf(registryAt, ri));
    }
    c[row + PLATFORM.registryCount] = w.registry.count - c[row + PLATFORM.registryFirst];
  }

  c[row + PLATFORM.deploymentFirst] = w.deployment.count;
  if (isObj(p.deployment)) {
    const deploymentAt = entryOf(platformAt, 'deployment');
    for (const [machines, minutes] of Object.entries(p.deployment)) {
      const n = Number(machines);
      if (!Number.isInteger(n) || n <= 0 || typeof minutes !== 'number' || !Number.isFinite(minutes)) continue;
      const dr = w.deployment.add();
      const dc = w.deployment.cells;
      dc[dr + DEPLOYMENT.machines] = w.number(n);
      dc[dr + DEPLOYMENT.minutes] = w.number(minutes);
      setRange(dc, dr + DEPLOYMENT.start, w.itemRange(entryOf(deploymentAt, machines)));
    }
  }
  c[row + PLATFORM.deploymentCount] = w.deployment.count - c[row + PLATFORM.deploymentFirst];
  c[row + PLATFORM.cpe] = w.string(p.cpe);
  setRange(c, row + PLATFORM.cpeStart, rangeOfEntry(platformAt, 'cpe'));
}

function writeFile(w: RecordWriter, f: Obj, fi: number, fileAt: NodeLocation | undefined, platformRow: number, platformId: string | undefined): void {
  const range = w.itemRange(fileAt);
  const fr = w.files.add();
  const fc = w.files.cells;
  fc[fr + FILE.platform] = platformRow;
  fc[fr + FILE.item] = fi;
  fc[fr + FILE.name] = w.string(f.name);
  setRange(fc, fr + FILE.nameStart, rangeOfEntry(fileAt, 'name') ?? range);
  fc[fr + FILE.version] = w.version(f.version);
  setRange(fc, fr + FILE.versionStart, rangeOfEntry(fileAt, 'version'));
  fc[fr + FILE.date] = w.date(f.date);
  setRange(fc, fr + FILE.dateStart, rangeOfEntry(fileAt, 'date'));
  fc[fr + FILE.size] = w.number(f.size);
  setRange(fc, fr + FILE.sizeStart, rangeOfEntry(fileAt, 'size'));
  fc[fr + FILE.description] = w.string(f.description);
  fc[fr + FILE.variant] = w.string(f.variant);
  fc[fr + FILE.folder] = w.string(f.folder);
  setRange(fc, fr + FILE.start, range);
  // From the stored copies: the version order's cache keeps what it is given, and a slice
  // would keep the whole text of every edit alive.
  const [indexHash, identityHash] = fileHashes(platformId, w.stored(fc[fr + FILE.name])!, w.stored(fc[fr + FILE.variant]), w.stored(fc[fr + FILE.version]));
  fc[fr + FILE.indexHashHigh] = highCell(indexHash);
  fc[fr + FILE.indexHashLow] = lowCell(indexHash);
  fc[fr + FILE.identityHashHigh] = highCell(identityHash);
  fc[fr + FILE.identityHashLow] = lowCell(identityHash);
}

function writeRegistryCheck(w: RecordWriter, r: Obj, ri: number, checkAt: NodeLocation | undefined): void {
  const rr = w.registry.add();
  const rc = w.registry.cells;
  rc[rr + REGISTRY.item] = ri;
  rc[rr + REGISTRY.key] = w.string(r.key);
  setRange(rc, rr + REGISTRY.keyStart, rangeOfEntry(checkAt, 'key'));
  rc[rr + REGISTRY.value] = w.string(r.value);
  rc[rr + REGISTRY.type] = w.string(r.type);
  setRange(rc, rr + REGISTRY.typeStart, rangeOfEntry(checkAt, 'type'));
  // Registry data is a number or text (booleans kept for the rule's message); a collection is a schema fault.
  const data = r.data;
  const kind = typeof data === 'string' ? 'string' : typeof data === 'number' ? 'number' : data === true ? 'true' : data === false ? 'false' : 'none';
  rc[rr + REGISTRY.dataKind] = DATA_KINDS.indexOf(kind);
  rc[rr + REGISTRY.data] = kind === 'string' ? w.string(data) : kind === 'number' ? w.anyNumber(data as number) : -1;
  setRange(rc, rr + REGISTRY.dataStart, rangeOfEntry(checkAt, 'data'));
  setRange(rc, rr + REGISTRY.start, w.itemRange(checkAt));
}

function writeVulnerability(w: RecordWriter, v: Obj, vi: number, vulnAt: NodeLocation | undefined): void {
  const vulnRow = w.vulns.count;
  const row = w.vulns.add();
  const c = w.vulns.cells;
  c[row + VULN.item] = vi;
  c[row + VULN.id] = w.string(v.id);
  setRange(c, row + VULN.idStart, rangeOfEntry(vulnAt, 'id'));
  setRange(c, row + VULN.start, w.itemRange(vulnAt));
  c[row + VULN.cwe] = w.string(v.cwe);
  setRange(c, row + VULN.cweStart, rangeOfEntry(vulnAt, 'cwe'));
  c[row + VULN.cvssFirst] = w.cvss.count;
  const vectors = v.cvss;
  if (Array.isArray(vectors)) {
    const cvssAt = entryOf(vulnAt, 'cvss');
    for (let ei = 0; ei < vectors.length; ei++) {
      const e: unknown = vectors[ei];
      if (!isObj(e)) continue;
      const entryAt = itemOf(cvssAt, ei);
      const er = w.cvss.add();
      const ec = w.cvss.cells;
      ec[er + CVSS.vuln] = vulnRow;
      ec[er + CVSS.item] = ei;
      ec[er + CVSS.vector] = w.string(e.vector);
      const vectorRange = rangeOfEntry(entryAt, 'vector');
      setRange(ec, er + CVSS.vectorStart, vectorRange);
      ec[er + CVSS.vectorAt] = typeof e.vector === 'string' && vectorRange ? spelledAt(w.text, vectorRange, e.vector) : -1;
      ec[er + CVSS.score] = w.number(e.score);
      setRange(ec, er + CVSS.scoreStart, rangeOfEntry(entryAt, 'score'));
      setRange(ec, er + CVSS.start, w.itemRange(entryAt));
    }
  }
  c[row + VULN.cvssCount] = w.cvss.count - c[row + VULN.cvssFirst];
}
