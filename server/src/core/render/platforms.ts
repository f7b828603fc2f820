/**
 * Per platform, as the seed's "適用されるファイル情報", "確認方法" and "予想適用時間": the
 * package, the file table (sizes with thousands separators), the registry check written out
 * as an instruction, and the deployment-time table.
 */
import type { Platform, RegistryCheck } from '../model';
import type { RenderContext } from './context';
import { classToken, escapeHtml, formatDate, formatSize, labelHtml } from './html';
import { enumLabel, label, type LabelKey } from './labels';
import { isObj, list, str, type Obj } from './values';
import { ADDED, entryClass, entryContent, REMOVED, removedEntry, withRemoved } from './changes';

const th = (ctx: RenderContext, key: LabelKey) => `<th scope="col">${escapeHtml(label(ctx.locale, key))}</th>`;

/** The overview table of platforms with the editors' installation test result. */
export function renderPlatformList(ctx: RenderContext, root: Obj): string {
  const platforms = list(root.platforms);
  const testedLabel = (value: unknown) => escapeHtml(enumLabel(ctx.locale, 'render.tested', String(value)));
  const rows = platforms.map((p, i) => {
    const pointer = `/platforms/${i}`;
    if (!isObj(p)) return '';
    const tested = str(p.tested);
    let result = tested ? ctx.marked(`${pointer}/tested`, testedLabel(tested), (change) => testedLabel(change.was)) : '';
    // A result removed since the last commit has no node: struck through in its cell.
    const gone = tested ? undefined : ctx.changesOf('platform', (c) => c.kind === 'removed' && c.field === 'tested' && c.identity[1] === str(p.id))[0];
    if (gone) result = `<del class="change-old">${testedLabel(gone.was)}</del>`;
    return (
      `<tr${entryClass(ctx, pointer)}${ctx.dataLine(pointer)}><td>${entryContent(ctx, pointer, escapeHtml(str(p.name) ?? str(p.id) ?? ''))}</td>` +
      `<td class="tested${tested ? ` tested-${classToken(tested)}` : ''}"${ctx.dataLine(`${pointer}/tested`)}>${result}${ctx.findingsHtml(`${pointer}/tested`)}</td></tr>`
    );
  });
  const allRows = withRemoved(rows, ctx.changesOf('platform', (c) => c.kind === 'removed' && c.field === undefined), (c) => {
    const was = isObj(c.was) ? c.was : {};
    return `<tr class="${REMOVED}" data-line="${ctx.lineAtOffset(c.range[0])}"><td><del class="change-old">${escapeHtml(str(was.name) ?? str(was.id) ?? '')}</del></td><td></td></tr>`;
  });
  const unsupportedItems = list(root.unsupported).map((u, i) => {
    const pointer = `/unsupported/${i}`;
    if (!isObj(u)) return `<li${ctx.dataLine(pointer)}>${ctx.findingsHtml(pointer)}</li>`;
    const reason = str(u.reason);
    const content = `<strong>${escapeHtml(str(u.name) ?? '')}</strong>${reason ? `: ${ctx.marked(`${pointer}/reason`, escapeHtml(reason))}` : ''}`;
    return `<li${entryClass(ctx, pointer)}${ctx.dataLine(pointer)}>${entryContent(ctx, pointer, content)}${ctx.findingsHtml(pointer)}</li>`;
  });
  const unsupported = withRemoved(unsupportedItems, ctx.changesOf('unsupported', (c) => c.kind === 'removed'), (c) => {
    const was = isObj(c.was) ? c.was : {};
    const reason = str(was.reason);
    return removedEntry(ctx, c, 'li', '', `<strong>${escapeHtml(str(was.name) ?? '')}</strong>${reason ? `: ${escapeHtml(reason)}` : ''}`);
  });
  let html = `<section class="platforms"${ctx.dataLine('/platforms')}><h2>${escapeHtml(label(ctx.locale, 'render.platforms'))}</h2>`;
  if (allRows.length > 0) {
    html += `<table class="platform-list"><thead><tr>${th(ctx, 'render.platform')}${th(ctx, 'render.tested')}</tr></thead><tbody>${allRows.join('')}</tbody></table>`;
  }
  if (unsupported.length > 0) {
    html += `<div class="unsupported"${ctx.dataLine('/unsupported')}><h3>${escapeHtml(label(ctx.locale, 'render.unsupported'))}</h3><ul>${unsupported.join('')}</ul>${ctx.findingsHtml('/unsupported')}</div>`;
  }
  return html + `</section>`;
}

const ROOT_KEYS: Record<string, string> = {
  HKLM: 'HKEY_LOCAL_MACHINE',
  HKCU: 'HKEY_CURRENT_USER',
  HKCR: 'HKEY_CLASSES_ROOT',
  HKU: 'HKEY_USERS',
  HKCC: 'HKEY_CURRENT_CONFIG',
};

/** `HKLM\SOFTWARE\…` written out in full (`HKEY_LOCAL_MACHINE\SOFTWARE\…`), as the seed does. */
export function expandRegistryKey(key: string): string {
  return key.replace(/^([A-Z]+)(?=\\|$)/, (root) => ROOT_KEYS[root] ?? root);
}

/** The check as an instruction; with `pointer` (the check's node), a type or data changed since the last commit is marked. */
function registryInstruction(ctx: RenderContext, check: Omit<RegistryCheck, 'pointer' | 'range'>, pointer?: string): string {
  const code = (text: unknown) => `<code>${escapeHtml(text)}</code>`;
  const data = typeof check.data === 'string' || typeof check.data === 'number' || typeof check.data === 'boolean' ? String(check.data) : '';
  const mark = (field: string, html: string) => (pointer ? ctx.marked(`${pointer}/${field}`, html) : html);
  const args = { key: code(expandRegistryKey(check.key ?? '')), value: code(check.value ?? ''), type: mark('type', escapeHtml(check.type ?? '')), data: mark('data', escapeHtml(data)) };
  return labelHtml(ctx.locale, check.type ? 'render.verify.instruction' : 'render.verify.instructionNoType', args);
}

function formatMinutes(ctx: RenderContext, minutes: number): string {
  if (minutes < 60) return label(ctx.locale, 'render.minutes', { minutes });
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes - hours * 60);
  return rest === 0 ? label(ctx.locale, 'render.hours', { hours }) : label(ctx.locale, 'render.hoursMinutes', { hours, minutes: rest });
}

function rowClass(ctx: RenderContext, pointer: string, extra = ''): string {
  const worst = ctx.worstUnder(pointer);
  const classes = [worst ? `has-${worst}` : '', extra].filter(Boolean).join(' ');
  return classes ? ` class="${classes}"` : '';
}

function fileRows(ctx: RenderContext, platform: Platform, raw: Obj): string {
  const cols = 5;
  const rows: string[] = [];
  if (platform.folder) {
    rows.push(`<tr class="folder"${ctx.dataLine(`${platform.pointer}/folder`)}><th scope="row">${escapeHtml(label(ctx.locale, 'render.folder'))}</th><td colspan="${cols - 1}"><code>${escapeHtml(platform.folder)}</code>${ctx.findingsHtml(`${platform.pointer}/folder`)}</td></tr>`);
  }
  const fileEntries: string[] = [];
  const rawFiles = list(raw.files);
  rawFiles.forEach((f, i) => {
    const pointer = `${platform.pointer}/files/${i}`;
    const file = platform.files.find((candidate) => candidate.pointer === pointer);
    const entry = isObj(f) ? f : {};
    const name = file?.name ?? str(entry.name) ?? '';
    const details = [file?.variant ? `<span class="variant">(${escapeHtml(file.variant)})</span>` : '', file?.folder ? `<code class="file-folder">${escapeHtml(file.folder)}</code>` : '']
      .filter(Boolean)
      .join(' ');
    const size = file?.size !== undefined ? formatSize(file.size) : str(entry.size) ?? '';
    const version = file?.version ?? str(entry.version) ?? '';
    const rowHtml =
      `<tr${rowClass(ctx, pointer, ctx.changeAt(pointer)?.kind === 'added' ? ADDED : '')}${ctx.dataLine(pointer)}><td class="file-name">${entryContent(ctx, pointer, escapeHtml(name))}${details ? ` ${details}` : ''}</td>` +
      `<td class="date">${ctx.marked(`${pointer}/date`, escapeHtml(formatDate(ctx.locale, file?.date ?? str(entry.date))))}</td>` +
      `<td class="version">${ctx.marked(`${pointer}/version`, escapeHtml(version))}</td><td class="size num">${ctx.marked(`${pointer}/size`, escapeHtml(size))}</td>` +
      `<td class="description">${ctx.marked(`${pointer}/description`, escapeHtml(file?.description ?? str(entry.description) ?? ''))}</td></tr>`;
    const findings = ctx.findingsHtml(pointer);
    fileEntries.push(findings ? `${rowHtml}<tr class="finding-row"><td colspan="${cols}">${findings}</td></tr>` : rowHtml);
  });
  // Files removed since the last commit: their row struck through where it was.
  const removed = ctx.changesOf('file', (c) => c.kind === 'removed' && c.identity[1] === platform.id);
  rows.push(
    ...withRemoved(fileEntries, removed, (c) => {
      const was = isObj(c.was) ? c.was : {};
      const size = typeof was.size === 'number' ? formatSize(was.size) : str(was.size) ?? '';
      const cells = [
        ['file-name', escapeHtml(`${str(was.name) ?? ''}${str(was.variant) ? ` (${str(was.variant)})` : ''}`)],
        ['date', escapeHtml(formatDate(ctx.locale, str(was.date)))],
        ['version', escapeHtml(str(was.version) ?? '')],
        ['size num', escapeHtml(size)],
        ['description', escapeHtml(str(was.description) ?? '')],
      ];
      return `<tr class="${REMOVED}" data-line="${ctx.lineAtOffset(c.range[0])}">${cells.map(([cls, html]) => `<td class="${cls}">${html ? `<del class="change-old">${html}</del>` : ''}</td>`).join('')}</tr>`;
    }),
  );
  return (
    `<table class="files"${ctx.dataLine(`${platform.pointer}/files`)}><thead><tr>${th(ctx, 'render.fileName')}${th(ctx, 'render.date')}${th(ctx, 'render.version')}${th(ctx, 'render.size')}${th(ctx, 'render.description')}</tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>`
  );
}

function packageTable(ctx: RenderContext, platform: Platform, raw: Obj): string {
  const pkg = platform.package;
  if (!pkg) return '';
  const rawPackage = isObj(raw.package) ? raw.package : {};
  return (
    `<table class="package"${ctx.dataLine(pkg.pointer)}><thead><tr>${th(ctx, 'render.package')}${th(ctx, 'render.date')}${th(ctx, 'render.version')}${th(ctx, 'render.size')}</tr></thead>` +
    `<tbody><tr${rowClass(ctx, pkg.pointer, ctx.changeAt(pkg.pointer)?.kind === 'added' ? ADDED : '')}><td class="file-name">${entryContent(ctx, pkg.pointer, ctx.marked(`${pkg.pointer}/file`, escapeHtml(pkg.file ?? '')))}</td><td class="date">${ctx.marked(`${pkg.pointer}/date`, escapeHtml(formatDate(ctx.locale, pkg.date)))}</td>` +
    `<td class="version">${ctx.marked(`${pkg.pointer}/version`, escapeHtml(pkg.version ?? str(rawPackage.version) ?? ''))}</td><td class="size num">${ctx.marked(`${pkg.pointer}/size`, pkg.size !== undefined ? formatSize(pkg.size) : '')}</td></tr>` +
    `</tbody></table>${ctx.findingsHtml(pkg.pointer)}`
  );
}

function verifySection(ctx: RenderContext, platform: Platform): string {
  const pointer = `${platform.pointer}/verify`;
  const checks = (platform.registry ?? []).map(
    (check) =>
      `<li${entryClass(ctx, check.pointer, 'registry-check')}${ctx.dataLine(check.pointer)}>${entryContent(ctx, check.pointer, registryInstruction(ctx, check, check.pointer))}${ctx.findingsHtml(check.pointer)}</li>`,
  );
  // Checks removed since the last commit, struck through where they were.
  const items = withRemoved(checks, ctx.changesOf('registry', (c) => c.kind === 'removed' && c.identity[1] === platform.id), (c) => {
    const was = isObj(c.was) ? c.was : {};
    return removedEntry(ctx, c, 'li', 'registry-check', registryInstruction(ctx, { key: str(was.key), value: str(was.value), type: str(was.type), data: was.data }));
  });
  const body = items.length > 0 ? `<ul class="verify-list">${items.join('')}</ul>` : `<p class="note">${escapeHtml(label(ctx.locale, 'render.verify.none'))}</p>`;
  return `<div class="verify"${ctx.dataLine(pointer)}><h4>${escapeHtml(label(ctx.locale, 'render.verify'))}</h4>${body}${ctx.findingsHtml(pointer)}</div>`;
}

function deploymentTable(ctx: RenderContext, platform: Platform): string {
  const pointer = `${platform.pointer}/deployment`;
  // Since the last commit (one change for the table): each estimate against the old table's, by machine count.
  const change = ctx.changesOf('deployment', (c) => c.identity[1] === platform.id)[0];
  if (platform.deployment.length === 0 && change?.kind !== 'removed') return '';
  const before = change && isObj(change.was) ? change.was : undefined;
  const minutes = (value: unknown) => escapeHtml(typeof value === 'number' ? formatMinutes(ctx, value) : String(value));
  const columns = platform.deployment.map((e) => {
    const worst = ctx.worstUnder(`${pointer}/${e.machines}`);
    const attrs = (extra: string) => `class="num${worst ? ` has-${worst}` : ''}${extra}" data-line="${ctx.lineAtOffset(e.range[0])}"`;
    const old = before?.[String(e.machines)];
    const now = escapeHtml(formatMinutes(ctx, e.minutes));
    let cell = `<td ${attrs('')}>${now}</td>`;
    if (change && old === undefined) cell = `<td ${attrs(` ${ADDED}`)}><ins class="change-new">${now}</ins></td>`;
    else if (change && old !== e.minutes) cell = `<td ${attrs('')}><del class="change-old">${minutes(old)}</del> <ins class="change-new">${now}</ins></td>`;
    return { machines: e.machines, cell };
  });
  for (const [count, old] of Object.entries(before ?? {})) {
    if (columns.some((column) => String(column.machines) === count)) continue;
    columns.push({ machines: Number(count), cell: `<td class="num ${REMOVED}" data-line="${ctx.lineAtOffset(change!.range[0])}"><del class="change-old">${minutes(old)}</del></td>` });
  }
  columns.sort((a, b) => a.machines - b.machines);
  const head = columns.map((e) => `<th scope="col" class="num">${escapeHtml(label(ctx.locale, 'render.deployment.machines', { count: e.machines }))}</th>`).join('');
  const cells = columns.map((column) => column.cell).join('');
  const packageName = platform.package?.file ? `${escapeHtml(platform.package.file)}<br>` : '';
  return (
    `<div class="deployment"${ctx.dataLine(pointer)}><h4>${escapeHtml(label(ctx.locale, 'render.deployment'))}</h4>` +
    `<table class="deployment-table"><thead><tr>${th(ctx, 'render.package')}${head}</tr></thead>` +
    `<tbody><tr><th scope="row">${packageName}<span class="platform-name">(${escapeHtml(platform.name ?? platform.id ?? '')})</span></th>${cells}</tr></tbody></table>` +
    `${ctx.findingsHtml(pointer)}</div>`
  );
}

/** The per-platform file information, one section per platform. */
export function renderPlatformDetails(ctx: RenderContext, root: Obj, platforms: readonly Platform[]): string {
  const removed = ctx.changesOf('platform', (c) => c.kind === 'removed' && c.field === undefined);
  if (platforms.length === 0 && removed.length === 0) return '';
  const rawPlatforms = list(root.platforms);
  const sections = platforms.map((platform) => {
    const index = Number(platform.pointer.split('/')[2]);
    const raw = isObj(rawPlatforms[index]) ? (rawPlatforms[index] as Obj) : {};
    // A platform added since the last commit: its whole section is new.
    return (
      `<section${entryClass(ctx, platform.pointer, 'platform')} data-platform="${escapeHtml(platform.id ?? '')}"${ctx.dataLine(platform.pointer)}>` +
      `<h3>${entryContent(ctx, platform.pointer, escapeHtml(platform.name ?? platform.id ?? ''))}</h3>` +
      packageTable(ctx, platform, raw) +
      fileRows(ctx, platform, raw) +
      verifySection(ctx, platform) +
      deploymentTable(ctx, platform) +
      ctx.findingsHtml(platform.pointer) +
      `</section>`
    );
  });
  // A platform removed since the last commit: its heading struck through where its section was.
  const all = withRemoved(sections, removed, (c) => {
    const was = isObj(c.was) ? c.was : {};
    return removedEntry(ctx, c, 'section', 'platform', `<h3>${escapeHtml(str(was.name) ?? str(was.id) ?? '')}</h3>`);
  });
  return `<section class="file-info"><h2>${escapeHtml(label(ctx.locale, 'render.fileInfo'))}</h2>${all.join('')}</section>`;
}
