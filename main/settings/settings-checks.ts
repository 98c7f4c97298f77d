// What the settings schema cannot judge: a logo must be a PNG narrow enough for the paper, and an
// update feed a plain http(s) address. Refusals carry their own codes so the screen can say which.
import { createHash } from 'node:crypto';
import { MAX_LOGO_BYTES, MAX_LOGO_WIDTH } from '../../preload/contract/settings';
import type { StoreSettings } from '../../preload/contract/views';
import { ServiceError } from '../common/service-error';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's header (IHDR, the first chunk), or null if it is not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export function checkSettings(patch: Partial<StoreSettings>): void {
  if (patch.receiptLogoPng !== undefined && patch.receiptLogoPng !== '') {
    const base64 = patch.receiptLogoPng;
    const bytes = /^[A-Za-z0-9+/]+={0,2}$/.test(base64) ? Buffer.from(base64, 'base64') : Buffer.alloc(0);
    const size = pngSize(bytes);
    if (!size || bytes.length > MAX_LOGO_BYTES) throw new ServiceError('settings.logo_invalid', { maxKilobytes: MAX_LOGO_BYTES / 1024 });
    if (size.width > MAX_LOGO_WIDTH || size.width === 0 || size.height === 0 || size.height > 1000) {
      throw new ServiceError('settings.logo_too_wide', { width: size.width, maxWidth: MAX_LOGO_WIDTH });
    }
  }
  if (patch.updateFeedUrl !== undefined && patch.updateFeedUrl !== '') {
    if (!isFeedUrl(patch.updateFeedUrl)) throw new ServiceError('settings.feed_url_invalid');
  }
}

/** http or https, and no user name or password (they would sit in the settings and the journal). */
export function isFeedUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** How the journal names a logo: its size and SHA-256, not its bytes. */
export function logoRef(value: unknown): string {
  if (typeof value !== 'string' || value === '') return '';
  const bytes = Buffer.from(value, 'base64');
  return `png ${bytes.length} bytes sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}
