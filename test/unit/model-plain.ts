/** Models compared field by field in the index tests: plain (read from a parse) against compact and revived. */
import type { Bulletin } from '../../server/src/core/model';

/** Every field of the model as a reader sees it (getters included). */
export function plain(bulletin: Bulletin): unknown {
  return JSON.parse(
    JSON.stringify({
      ...bulletin,
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
