// Reads a 1-D barcode from a screenshot with ZXing (@zxing/library), a decoder written
// independently of receiptline, which draws our barcodes: what it reads, a scanner can read.
import { BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource } from '@zxing/library';
import { PNG } from 'pngjs';

export interface ReadBarcode {
  text: string;
  format: string;
}

/** The Code 128 symbol in a PNG image; throws (ZXing's NotFoundException) when there is none. */
export function readCode128(png: Buffer): ReadBarcode {
  const image = PNG.sync.read(png);
  // ZXing's luminance source takes one packed 0xAARRGGBB value per pixel.
  const pixels = new Int32Array(image.width * image.height);
  for (let i = 0; i < pixels.length; i++) {
    const o = i * 4;
    pixels[i] = (image.data[o + 3]! << 24) | (image.data[o]! << 16) | (image.data[o + 1]! << 8) | image.data[o + 2]! | 0;
  }
  const reader = new MultiFormatReader();
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.CODE_128]],
    [DecodeHintType.TRY_HARDER, true],
  ]);
  const result = reader.decode(new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, image.width, image.height))), hints);
  return { text: result.getText(), format: BarcodeFormat[result.getBarcodeFormat()] ?? String(result.getBarcodeFormat()) };
}
