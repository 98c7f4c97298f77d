// The store's details as a person types them in the first-run wizard and the back office. One
// rule for both sides: the page refuses with a sentence before sending, main's schema refuses the
// same text from any other caller.

/** What a register id may be: it is printed in every receipt number and names the backup files. */
export const REGISTER_ID_PATTERN = /^[A-Za-z0-9-]{1,16}$/;
export const MAX_REGISTER_ID = 16;
export const MAX_STORE_PHONE = 40;
export const MAX_STORE_TAX_ID = 40;

const DIGIT = /[0-9０-９]/g;

/**
 * A telephone number as stores print it: "+86 21 5555-0000", "(021) 5555 0000", "400-820-8820 转 123".
 * Lenient about punctuation; refused are letters (other than an extension mark) and digit counts
 * no telephone has. Empty means "no phone on the receipt".
 */
export function isStorePhone(text: string): boolean {
  const phone = text.trim();
  if (phone === '') return true;
  if (phone.length > MAX_STORE_PHONE) return false;
  const match = /^([+＋]?[0-9０-９ \u3000()（）.\-–－/]+?)(?:\s*(?:ext\.?|x|#|转|分机)\s*([0-9０-９]{1,6}))?$/i.exec(phone);
  if (!match) return false;
  const digits = (match[1] ?? '').match(DIGIT)?.length ?? 0;
  return digits >= 3 && digits <= 20;
}

/**
 * A tax or VAT registration number: formats differ by country (18 characters in China,
 * "DE123456789", "12-3456789"), so only its characters and a sane length are checked, and that
 * it has digits: every such number does. Empty means "none printed".
 */
export function isStoreTaxId(text: string): boolean {
  const taxId = text.trim();
  if (taxId === '') return true;
  return /^[A-Za-z0-9 .\-/]{4,30}$/.test(taxId) && /[0-9]/.test(taxId);
}

export const isRegisterId = (text: string): boolean => REGISTER_ID_PATTERN.test(text.trim());
