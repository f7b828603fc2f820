/** Damaging a warm-start cache file the way a test needs: every record (its JSON value and its arrays) through `change`, written back with valid checksums (only the shape is wrong). */
import { readFileSync, writeFileSync } from 'node:fs';
import { readRecords, RecordWriter, type RecordArray } from '../../server/src/lsp/cache-records';

export async function rewriteCache(path: string, change: (value: Record<string, unknown>, index: number, arrays: RecordArray[]) => void): Promise<void> {
  const parts: Buffer[] = [];
  const writer = new RecordWriter(async (bytes) => parts.push(Buffer.from(bytes)));
  let i = 0;
  for (const { value, arrays } of readRecords(readFileSync(path))) {
    change(value as Record<string, unknown>, i++, arrays);
    await writer.add(value, arrays);
  }
  await writer.flush();
  writeFileSync(path, Buffer.concat(parts));
}
