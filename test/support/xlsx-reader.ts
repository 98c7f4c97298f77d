// Reads an .xlsx back for a test: unzips it (yauzl) and reads each worksheet's cells, resolving
// shared and inline strings. Enough of SpreadsheetML to check what a report export holds, and
// written apart from the library that writes the file.
import yauzl from 'yauzl';

function unzip(path: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('not a zip'));
      const files = new Map<string, string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.once('end', () => resolve(files));
      zip.once('error', reject);
      zip.readEntry();
    });
  });
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function columnIndex(ref: string): number {
  const letters = /^[A-Z]+/.exec(ref)?.[0] ?? 'A';
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/** Each sheet by its name, as rows of cell texts. */
export async function readXlsx(path: string): Promise<Map<string, string[][]>> {
  return readSheets(await unzip(path), 'text');
}

/** Each sheet by its name, as rows of the cells' number format codes ('' for General). */
export async function readXlsxFormats(path: string): Promise<Map<string, string[][]>> {
  return readSheets(await unzip(path), 'format');
}

/** The number format code of each cell style (cellXfs), custom codes read, built-in 4 and 2 named. */
function styleFormats(styles: string): string[] {
  const builtIn = new Map([
    ['0', ''],
    ['2', '0.00'],
    ['4', '#,##0.00'],
  ]);
  const custom = new Map(
    [...styles.matchAll(/<numFmt\b[^>]*numFmtId="(\d+)"[^>]*formatCode="([^"]*)"/g)].map((m) => [m[1] ?? '', unescape(m[2] ?? '')] as const),
  );
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  return [...xfs.matchAll(/<xf\b([^>]*)/g)].map((m) => {
    const id = /\bnumFmtId="(\d+)"/.exec(m[1] ?? '')?.[1] ?? '0';
    return custom.get(id) ?? builtIn.get(id) ?? `#${id}`;
  });
}

function readSheets(files: Map<string, string>, what: 'text' | 'format'): Map<string, string[][]> {
  const formats = styleFormats(files.get('xl/styles.xml') ?? '');
  const shared = [...(files.get('xl/sharedStrings.xml') ?? '').matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) =>
    unescape([...(m[1] ?? '').matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((t) => t[1] ?? '').join('')),
  );
  const workbook = files.get('xl/workbook.xml') ?? '';
  const rels = files.get('xl/_rels/workbook.xml.rels') ?? '';
  const sheets = new Map<string, string[][]>();
  for (const m of workbook.matchAll(/<sheet\b([^>]*)\/?>/g)) {
    const attrs = m[1] ?? '';
    const name = /\bname="([^"]*)"/.exec(attrs)?.[1] ?? '';
    const id = /\br:id="([^"]*)"/.exec(attrs)?.[1] ?? '';
    const target = new RegExp(`<Relationship\\b[^>]*Id="${id}"[^>]*Target="([^"]*)"`).exec(rels)?.[1] ?? '';
    const xml = files.get(`xl/${target.replace(/^\/?xl\//, '')}`) ?? '';
    const rows: string[][] = [];
    for (const row of xml.matchAll(/<row\b[^>]*>([\s\S]*?)<\/row>/g)) {
      const cells: string[] = [];
      for (const c of (row[1] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
        const attrs = c[1] ?? '';
        const body = c[2] ?? '';
        const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1] ?? 'A1';
        const type = /\bt="([^"]*)"/.exec(attrs)?.[1];
        const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
        const text =
          type === 's' ? (shared[Number(v)] ?? '') : type === 'inlineStr' ? unescape(/<t[^>]*>([\s\S]*?)<\/t>/.exec(body)?.[1] ?? '') : unescape(v ?? '');
        const style = Number(/\bs="(\d+)"/.exec(attrs)?.[1] ?? '0');
        cells[columnIndex(ref)] = what === 'text' ? text : (formats[style] ?? '');
      }
      rows.push(Array.from(cells, (x) => x ?? ''));
    }
    sheets.set(unescape(name), rows);
  }
  return sheets;
}
