// A zip being written with yazl, one entry at a time, each hashed (SHA-256) and measured as its
// bytes go in, so the manifest can name them. Writing waits for the output to drain: a year of
// CSV never sits in memory. If the output fails (folder gone, disk full), every pending write
// rejects with that error instead of waiting forever.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import type { ManifestFile } from './bundle-format';

export type EntryWrite = (chunk: Buffer | string) => Promise<void>;

export class ZipWriter {
  private readonly zip = new ZipFile();
  private readonly done: Promise<void>;
  private failure: Error | null = null;
  private readonly failed: Promise<never>;
  readonly files: ManifestFile[] = [];
  /** One fixed time for every entry: the bundle's creation, not the moment each file happened to be zipped. */
  private readonly mtime: Date;

  constructor(path: string, createdAt: number) {
    this.mtime = new Date(createdAt);
    // wx: never overwrite; a leftover partial from a killed export is removed before, not reused.
    const out = createWriteStream(path, { flags: 'wx' });
    this.done = pipeline(this.zip.outputStream, out);
    this.failed = this.done.then(
      () => new Promise<never>(() => undefined),
      (error: Error) => {
        this.failure = error;
        throw error;
      },
    );
    this.failed.catch(() => undefined);
  }

  /** Adds one entry whose bytes `produce` writes; resolves once they are all handed to the zip. */
  async entry(name: string, produce: (write: EntryWrite) => Promise<void>, compress = true): Promise<ManifestFile> {
    this.check();
    const stream = new PassThrough({ highWaterMark: 1 << 20 });
    const hash = createHash('sha256');
    let size = 0;
    this.zip.addReadStream(stream, name, { mtime: this.mtime, compress, mode: 0o100644 });
    const write: EntryWrite = async (chunk) => {
      this.check();
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      if (bytes.length === 0) return;
      hash.update(bytes);
      size += bytes.length;
      if (!stream.write(bytes)) await Promise.race([once(stream, 'drain'), this.failed]);
    };
    try {
      await produce(write);
    } catch (error) {
      stream.destroy();
      throw error;
    }
    stream.end();
    await Promise.race([once(stream, 'end'), this.failed]);
    const file = { name, size, sha256: hash.digest('hex') };
    this.files.push(file);
    return file;
  }

  /** The last entry (the manifest), then the central directory; resolves when the file is written. */
  async finish(name: string, bytes: Buffer): Promise<void> {
    this.check();
    this.zip.addBuffer(bytes, name, { mtime: this.mtime, compress: true, mode: 0o100644 });
    this.zip.end();
    await Promise.race([this.done, this.failed]);
  }

  /** Stops writing after a failure of ours; the caller removes the partial file. */
  async abort(): Promise<void> {
    (this.zip.outputStream as PassThrough).destroy?.();
    await this.done.catch(() => undefined);
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }
}
