// Reading a zip entry once: its size and SHA-256 against the manifest while a content check
// reads the same bytes.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Manifest } from './bundle-format';
import { Problem, problem, readFailure } from './verify-problem';
import type { OpenZip, ZipEntry } from './zip-reader';

export interface ContentCheck {
  feed: (chunk: Buffer) => void | Promise<unknown>;
  end: () => void | Promise<void>;
}

/**
 * Reads one entry once: its size and SHA-256 against the manifest, and its content through `feed`.
 * A content problem found on the way is reported only after the hash: a file whose hash is wrong
 * is named as such (the row where it first differs goes along, when known).
 */
export async function hashEntry(
  zip: OpenZip,
  entry: ZipEntry,
  manifest: Manifest,
  counted: (n: number) => void,
  feed?: ContentCheck['feed'],
  end?: ContentCheck['end'],
): Promise<void> {
  const name = entry.fileName;
  const listed = manifest.files.find((f) => f.name === name);
  if (!listed) throw problem('unexpected_file', { file: name });
  if (entry.uncompressedSize !== listed.size)
    throw problem('size_mismatch', {
      file: name,
      detail: `${entry.uncompressedSize} != ${listed.size}`,
      reason: 'size',
      facts: { expected: listed.size, actual: entry.uncompressedSize },
    });
  const hash = createHash('sha256');
  let size = 0;
  let content: Problem | null = null;
  let stream: Readable;
  try {
    stream = await zip.read(entry);
  } catch (error) {
    throw problem('entry_unreadable', { file: name, ...readFailure(error) });
  }
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Buffer;
      hash.update(bytes);
      size += bytes.length;
      counted(bytes.length);
      if (feed && !content) {
        try {
          await feed(bytes);
        } catch (error) {
          if (!(error instanceof Problem)) throw error;
          content = error;
        }
      }
    }
  } catch (error) {
    if (error instanceof Problem) throw error;
    throw problem('entry_unreadable', { file: name, ...readFailure(error) });
  }
  if (size !== listed.size)
    throw problem('size_mismatch', { file: name, detail: `${size} != ${listed.size}`, reason: 'size', facts: { expected: listed.size, actual: size } });
  if (!content && end) {
    try {
      await end();
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      content = error;
    }
  }
  if (hash.digest('hex') !== listed.sha256) throw problem('hash_mismatch', { file: name, row: content?.view.row ?? null });
  if (content) throw content;
}
