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

const th = (ctx: RenderContext, key: LabelKey) => `<th scope="col">${escapeHtml(label(ctx.locale, key))}</th>`;

/** The overview table of platforms with the editors' installation test result. */
export function renderPlatformList(ctx: RenderContext, root: Obj): string {
  const platforms = list(root.platforms);
  const rows = platforms.map((p, i) => {
    const pointer = `/platforms/${i}`;
    if (!isObj(p)) return '';
    const tested = str(p.tested);
    return (
      `<tr${ctx.dataLine(pointer)}><td>${escapeHtml(str(p.name) ?? str(p.id) ?? '')}</td>` +
      `<td class="tested${tested ? ` tested-${classToken(tested)}` : ''}"${ctx.dataLine(`${pointer}/tested`)}>${tested ? escapeHtml(enumLabel(ctx.locale, 'render.tested', tested)) : ''}${ctx.findingsHtml(`${pointer}/tested`)}</td></tr>`
    );
  });
  const unsupported = list(root.unsupported).map((u, i) => {
    const pointer = `/unsupported/${i}`;
    if (!isObj(u)) return `<li${ctx.dataLine(pointer)}>${ctx.findingsHtml(pointer)}</li>`;
    const reason = str(u.reason);
    return `<li${ctx.dataLine(pointer)}><strong>${escapeHtml(str(u.name) ?? '')}</strong>${reason ? `: ${escapeHtml(reason)}` : ''}${ctx.findingsHtml(pointer)}</li>`;
  });
  let html = `<section class="platforms"${ctx.dataLine('/platforms')}><h2>${escapeHtml(label(ctx.locale, 'render.platforms'))}</h2>`;
  if (rows.length > 0) {
    html += `<table class="platform-list"><thead><tr>${th(ctx, 'render.platform')}${th(ctx, 'render.tested')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
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

function registryInstruction(ctx: RenderContext, check: RegistryCheck): string {
  const code = (text: unknown) => `<code>${escapeHtml(text)}</code>`;
  const data = typeof check.data === 'string' || typeof check.data === 'number' || typeof check.data === 'boolean' ? String(check.data) : '';
  const args = { key: code(expandRegistryKey(check.key ?? '')), value: code(check.value ?? ''), type: escapeHtml(check.type ?? ''), data: escapeHtml(data) };
  return labelHtml(ctx.locale, check.type ? 'render.verify.instruction' : 'render.verify.instructionNoType', args);
}

function formatMinutes(ctx: RenderContext, minutes: number): string {
  if (minutes < 60) return label(ctx.locale, 'render.minutes', { minutes });
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes - hours * 60);
  return rest === 0 ? label(ctx.locale, 'render.hours', { hours }) : label(ctx.locale, 'render.hoursMinutes', { hours, minutes: rest });
}

function rowClass(ctx: RenderContext, pointer: string): string {
  const worst = ctx.worstUnder(pointer);
  return worst ? ` class="has-${worst}"` : '';
}

function fileRows(ctx: RenderContext, platform: Platform, raw: Obj): string {
  const cols = 5;
  const rows: string[] = [];
  if (platform.folder) {
    rows.push(`<tr class="folder"${ctx.dataLine(`${platform.pointer}/folder`)}><th scope="row">${escapeHtml(label(ctx.locale, 'render.folder'))}</th><td colspan="${cols - 1}"><code>${escapeHtml(platform.folder)}</code>${ctx.findingsHtml(`${platform.pointer}/folder`)}</td></tr>`);
  }
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
      `<tr${rowClass(ctx, pointer)}${ctx.dataLine(pointer)}><td class="file-name">${escapeHtml(name)}${details ? ` ${details}` : ''}</td>` +
      `<td class="date">${ctx.marked(`${pointer}/date`, escapeHtml(formatDate(ctx.locale, file?.date ?? str(entry.date))))}</td>` +
      `<td class="version">${ctx.marked(`${pointer}/version`, escapeHtml(version))}</td><td class="size num">${ctx.marked(`${pointer}/size`, escapeHtml(size))}</td>` +
      `<td class="description">${ctx.marked(`${pointer}/description`, escapeHtml(file?.description ?? str(entry.description) ?? ''))}</td></tr>`;
    rows.push(rowHtml);
    const findings = ctx.findingsHtml(pointer);
    if (findings) rows.push(`<tr class="finding-row"><td colspan="${cols}">${findings}</td></tr>`);
  });
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
    `<tbody><tr${rowClass(ctx, pkg.pointer)}><td class="file-name">${ctx.marked(`${pkg.pointer}/file`, escapeHtml(pkg.file ?? ''))}</td><td class="date">${ctx.marked(`${pkg.pointer}/date`, escapeHtml(formatDate(ctx.locale, pkg.date)))}</td>` +
    `<td class="version">${ctx.marked(`${pkg.pointer}/version`, escapeHtml(pkg.version ?? str(rawPackage.version) ?? ''))}</td><td class="size num">${ctx.marked(`${pkg.pointer}/size`, pkg.size !== undefined ? formatSize(pkg.size) : '')}</td></tr>` +
    `</tbody></table>${ctx.findingsHtml(pkg.pointer)}`
  );
}

function verifySection(ctx: RenderContext, platform: Platform): string {
  const pointer = `${platform.pointer}/verify`;
  const items = (platform.registry ?? []).map(
    (check) => `<li class="registry-check"${ctx.dataLine(check.pointer)}>${registryInstruction(ctx, check)}${ctx.findingsHtml(check.pointer)}</li>`,
  );
  const body = items.length > 0 ? `<ul class="verify-list">${items.join('')}</ul>` : `<p class="note">${escapeHtml(label(ctx.locale, 'render.verify.none'))}</p>`;
  return `<div class="verify"${ctx.dataLine(pointer)}><h4>${escapeHtml(label(ctx.locale, 'render.verify'))}</h4>${body}${ctx.findingsHtml(pointer)}</div>`;
}

function deploymentTable(ctx: RenderContext, platform: Platform): string {
  if (platform.deployment.length === 0) return '';
  const pointer = `${platform.pointer}/deployment`;
  const estimates = [...platform.deployment].sort((a, b) => a.machines - b.machines);
  const head = estimates.map((e) => `<th scope="col" class="num">${escapeHtml(label(ctx.locale, 'render.deployment.machines', { count: e.machines }))}</th>`).join('');
  const cells = estimates
    .map((e) => `<td class="num${ctx.worstUnder(`${pointer}/${e.machines}`) ? ` has-${ctx.worstUnder(`${pointer}/${e.machines}`)}` : ''}" data-line="${ctx.lineAtOffset(e.range[0])}">${escapeHtml(formatMinutes(ctx, e.minutes))}</td>`)
    .join('');
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
  if (platforms.length === 0) return '';
  const rawPlatforms = list(root.platforms);
  const sections = platforms.map((platform) => {
    const index = Number(platform.pointer.split('/')[2]);
    const raw = isObj(rawPlatforms[index]) ? (rawPlatforms[index] as Obj) : {};
    return (
      `<section class="platform" data-platform="${escapeHtml(platform.id ?? '')}"${ctx.dataLine(platform.pointer)}>` +
      `<h3>${escapeHtml(platform.name ?? platform.id ?? '')}</h3>` +
      packageTable(ctx, platform, raw) +
      fileRows(ctx, platform, raw) +
      verifySection(ctx, platform) +
      deploymentTable(ctx, platform) +
      ctx.findingsHtml(platform.pointer) +
      `</section>`
    );
  });
  return `<section class="file-info"><h2>${escapeHtml(label(ctx.locale, 'render.fileInfo'))}</h2>${sections.join('')}</section>`;
}
