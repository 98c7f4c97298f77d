// The bundle's manifest and the zip's directory: the manifest present, last, well formed and of a
// format this version reads, and the zip holding exactly the files it lists.
import { crc32 } from 'node:zlib';
import { BUNDLE_FORMAT_VERSION, MANIFEST_FILE, type Manifest } from './bundle-format';
import { manifestSchema } from './manifest-schema';
import { problem, readFailure } from './verify-problem';
import type { OpenZip, ZipEntry } from './zip-reader';

const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

export async function readManifest(zip: OpenZip): Promise<Manifest> {
  const names = zip.entries.map((e) => e.fileName);
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw problem('duplicate_entry', { file: name });
    seen.add(name);
  }
  const entry = zip.entries.find((e) => e.fileName === MANIFEST_FILE);
  if (!entry) throw problem('manifest_missing', { file: MANIFEST_FILE });
  if (zip.entries[zip.entries.length - 1] !== entry) throw problem('manifest_not_last', { file: MANIFEST_FILE });
  if (entry.uncompressedSize > MAX_MANIFEST_BYTES)
    throw problem('manifest_invalid', { file: MANIFEST_FILE, detail: 'too large', reason: 'manifest_too_large' });
  let bytes: Buffer;
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.read(entry)) chunks.push(chunk as Buffer);
    bytes = Buffer.concat(chunks);
  } catch (error) {
    throw problem('entry_unreadable', { file: MANIFEST_FILE, ...readFailure(error) });
  }
  // The manifest holds every other file's SHA-256 but nothing holds its own: the zip's CRC-32 is
  // the only check on it (the reader does not compare CRCs), and a flipped byte in a column name
  // would otherwise still parse and be blamed on the snapshot.
  if (crc32(bytes) !== entry.crc32) throw problem('manifest_invalid', { file: MANIFEST_FILE, detail: 'CRC-32 differs', reason: 'manifest_crc' });
  const text = bytes.toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw problem('manifest_invalid', { file: MANIFEST_FILE, detail: (error as Error).message.slice(0, 200), reason: 'manifest_not_json' });
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') ?? '';
    throw problem('manifest_invalid', { file: MANIFEST_FILE, detail: `${field}: ${issue?.message ?? ''}`, reason: 'manifest_field', facts: { field } });
  }
  if (parsed.data.formatVersion > BUNDLE_FORMAT_VERSION) throw problem('format_newer', { file: MANIFEST_FILE, detail: String(parsed.data.formatVersion) });
  return parsed.data;
}

/** The zip must hold exactly the manifest's files and the manifest. */
export function matchEntries(entries: readonly ZipEntry[], manifest: Manifest): Map<string, ZipEntry> {
  const byName = new Map(entries.map((e) => [e.fileName, e]));
  const listed = new Set<string>();
  for (const f of manifest.files) {
    if (listed.has(f.name))
      throw problem('manifest_invalid', { file: MANIFEST_FILE, detail: `${f.name} listed twice`, reason: 'manifest_listed_twice', facts: { name: f.name } });
    listed.add(f.name);
    if (!byName.has(f.name)) throw problem('missing_file', { file: f.name });
  }
  for (const e of entries) if (e.fileName !== MANIFEST_FILE && !listed.has(e.fileName)) throw problem('unexpected_file', { file: e.fileName });
  if (!listed.has(manifest.snapshot.file)) throw problem('missing_file', { file: manifest.snapshot.file });
  return byName;
}
