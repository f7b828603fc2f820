/** Bulletins compared field by field in the index tests: read from a parse against read back from storage. */
import type { Bulletin } from '../../server/src/core/model';

/** Every field of the model as a reader sees it (getters included). */
export function plain(bulletin: Bulletin): unknown {
  return JSON.parse(
    JSON.stringify({
      uri: bulletin.uri,
      id: bulletin.id,
      idRange: bulletin.idRange,
      kb: bulletin.kb,
      kbRange: bulletin.kbRange,
      title: bulletin.title,
      lang: bulletin.lang,
      published: bulletin.published,
      publishedRange: bulletin.publishedRange,
      updated: bulletin.updated,
      updatedRange: bulletin.updatedRange,
      severity: bulletin.severity,
      severityRange: bulletin.severityRange,
      exploit: bulletin.exploit,
      exploitRange: bulletin.exploitRange,
      urgency: bulletin.urgency,
      urgencyRange: bulletin.urgencyRange,
      includes: bulletin.includes,
      related: bulletin.related,
      intrinsic: bulletin.intrinsic,
      textLength: bulletin.textLength,
      hash: bulletin.hash,
      lineStarts: [...bulletin.lineStarts],
      platforms: bulletin.platforms.map((p) => ({
        id: p.id,
        idRange: p.idRange,
        name: p.name,
        pointer: p.pointer,
        range: p.range,
        folder: p.folder,
        files: p.files.map((f) => ({ name: f.name, nameRange: f.nameRange, version: f.version, versionRange: f.versionRange, date: f.date, dateRange: f.dateRange, size: f.size, sizeRange: f.sizeRange, description: f.description, variant: f.variant, folder: f.folder, pointer: f.pointer, range: f.range })),
        deployment: p.deployment.map((d) => ({ machines: d.machines, minutes: d.minutes, range: d.range })),
        package: p.package && { file: p.package.file, fileRange: p.package.fileRange, date: p.package.date, dateRange: p.package.dateRange, version: p.package.version, size: p.package.size, pointer: p.package.pointer, range: p.package.range },
        registry: p.registry?.map((r) => ({ key: r.key, keyRange: r.keyRange, value: r.value, type: r.type, typeRange: r.typeRange, data: r.data, dataRange: r.dataRange, pointer: r.pointer, range: r.range })),
      })),
    }),
  );
}
