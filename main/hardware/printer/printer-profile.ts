// What differs between printers, as settings data. Validated with zod because it arrives from
// the settings screen; defaults describe the common Chinese-market 80 mm thermal printer.
import { z } from 'zod';

/** Encodings receiptline can print (its `Encoding` type), named as receiptline names them. */
export const printerEncodings = [
  'gb18030', 'cp936', 'big5', 'cp950',
  'cp437', 'cp852', 'cp858', 'cp860', 'cp863', 'cp865', 'cp866', 'cp1252', 'multilingual',
  'cp932', 'shiftjis', 'cp949', 'ksc5601', 'tis620',
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
    encoding: z.preprocess(
      (v) => (typeof v === 'string' ? (encodingAliases[v.toLowerCase()] ?? v.toLowerCase()) : v),
      z.enum(printerEncodings),
    ),
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

export const defaultPrinterProfile: PrinterProfile = {
  paper: '80mm',
  encoding: 'gb18030',
  kanjiMode: true,
  qr: 'native',
  qrCell: 4,
  cut: true,
  commandSet: 'escpos',
  drawer: { pin: 0, onMs: 50, offMs: 500, openLevel: 'high' },
};

export function profileColumns(p: Pick<PrinterProfile, 'paper' | 'columns'>): number {
  return p.paper === 'custom' ? (p.columns ?? 48) : paperColumns[p.paper];
}

/** Double-byte code pages: where '¥' must become '￥' and CJK counts two columns. */
export function isDoubleByte(encoding: PrinterEncoding): boolean {
  return ['gb18030', 'cp936', 'big5', 'cp950', 'cp932', 'shiftjis', 'cp949', 'ksc5601'].includes(encoding);
}

export function isGbEncoding(encoding: PrinterEncoding): boolean {
  return encoding === 'gb18030' || encoding === 'cp936';
}
