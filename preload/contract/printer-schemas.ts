// Printer settings as data: the printer profile and how bytes reach the printer. Defined here,
// in the contract, because the settings screen sends them and main validates them with the same
// schemas the print queue uses (main/hardware/printer re-exports them).
import { z } from 'zod';

/** Encodings receiptline can print (its `Encoding` type), named as receiptline names them. */
export const printerEncodings = [
  'gb18030',
  'cp936',
  'big5',
  'cp950',
  'cp437',
  'cp852',
  'cp858',
  'cp860',
  'cp863',
  'cp865',
  'cp866',
  'cp1252',
  'multilingual',
  'cp932',
  'shiftjis',
  'cp949',
  'ksc5601',
  'tis620',
] as const;
export type PrinterEncoding = (typeof printerEncodings)[number];

/** Common names people type for the same code pages. */
const encodingAliases: Record<string, PrinterEncoding> = { gbk: 'cp936', gb2312: 'cp936' };

export const paperColumns = { '58mm': 32, '80mm': 48 } as const;

export const printerProfileSchema = z
  .object({
    /** '58mm' = 32 columns, '80mm' = 48 (Font A, 12-dot characters); 'custom' uses `columns`. */
    paper: z.enum(['58mm', '80mm', 'custom']),
    columns: z.number().int().min(16).max(96).optional(),
    encoding: z.preprocess((v) => (typeof v === 'string' ? (encodingAliases[v.toLowerCase()] ?? v.toLowerCase()) : v), z.enum(printerEncodings)),
    /**
     * Send `FS &` / `FS .` around double-byte text. Off for printers that are always in Chinese
     * mode or do not know FS commands; then rules are printed with ASCII '-' so no byte ≥ 0x80
     * of a single-byte code page is read as half a Chinese character.
     */
    kanjiMode: z.boolean(),
    /** 'native' = `GS ( k` (small, printer draws it); 'raster' = image, for printers without a QR engine. */
    qr: z.enum(['native', 'raster']),
    /** QR module size in dots (3–8). */
    qrCell: z.number().int().min(3).max(8),
    cut: z.boolean(),
    /**
     * Print density, -6 (lighter) to +6 (darker) steps from the printer's standard; omitted: the
     * printer's own. Sent as `GS ( K` function 49, which printers without it ignore.
     */
    density: z.number().int().min(-6).max(6).optional(),
    /** Printers that only know `GS v 0` for images (cheap clones) need receiptline's 'generic' set. */
    commandSet: z.enum(['escpos', 'epson', 'generic', 'sii', 'citizen', 'fit']),
    drawer: z.object({
      /** 0 = connector pin 2, 1 = pin 5. */
      pin: z.union([z.literal(0), z.literal(1)]),
      /** ON and OFF time in ms; sent as units of 2 ms (1–255). */
      onMs: z.number().int().min(2).max(510),
      offMs: z.number().int().min(2).max(510),
      /** Level of the drawer switch (DLE EOT 1 bit 2) that means "open"; depends on the drawer. */
      openLevel: z.enum(['high', 'low']),
    }),
  })
  .refine((p) => p.paper !== 'custom' || p.columns !== undefined, { message: 'custom paper needs columns', path: ['columns'] });

export type PrinterProfile = z.infer<typeof printerProfileSchema>;

const path = z.string().min(1).max(4096);

export const transportConfigSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('tcp'),
    host: z.string().min(1).max(253),
    port: z.number().int().min(1).max(65_535).default(9100),
    connectTimeoutMs: z.number().int().min(100).max(60_000).default(3000),
    writeTimeoutMs: z.number().int().min(100).max(300_000).default(15_000),
  }),
  z.object({
    kind: z.literal('serial'),
    path,
    baudRate: z.number().int().min(1200).max(921_600).default(9600),
    dataBits: z.union([z.literal(7), z.literal(8)]).default(8),
    parity: z.enum(['none', 'even', 'odd']).default('none'),
    stopBits: z.union([z.literal(1), z.literal(2)]).default(1),
    flowControl: z.enum(['none', 'rtscts', 'xonxoff']).default('rtscts'),
    writeTimeoutMs: z.number().int().min(100).max(300_000).default(30_000),
  }),
  z.object({ kind: z.literal('device'), path, writeTimeoutMs: z.number().int().min(100).max(300_000).default(30_000) }),
  z.object({ kind: z.literal('file'), path }),
]);

export type TransportConfig = z.input<typeof transportConfigSchema>;

export type TransportConfigOutput = z.output<typeof transportConfigSchema>;
