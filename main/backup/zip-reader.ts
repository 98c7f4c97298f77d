// Reading a bundle with yauzl: the central directory first (which is how a truncated or foreign
// file is caught), then any entry's bytes as a stream, in any order. yauzl checks names and
// declared sizes; it does not check CRC-32, which is why every file is checked by SHA-256 against
// the manifest instead.
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

export type ZipEntry = yauzl.Entry;

export interface OpenZip {
  entries: ZipEntry[];
  read(entry: ZipEntry): Promise<Readable>;
  close(): void;
}

export function openZip(path: string): Promise<OpenZip> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const entries: ZipEntry[] = [];
      zip.on('entry', (entry: ZipEntry) => {
        entries.push(entry);
        zip.readEntry();
      });
      zip.once('error', (e: Error) => {
        zip.close();
        reject(e);
      });
      zip.once('end', () =>
        resolve({
          entries,
          read: (entry) =>
            new Promise((res, rej) => {
              zip.openReadStream(entry, (e, stream) => (e || !stream ? rej(e ?? new Error('no stream')) : res(stream)));
            }),
          close: () => zip.close(),
        }),
      );
      zip.readEntry();
    });
  });
}
