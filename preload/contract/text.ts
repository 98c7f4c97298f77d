// Free text as people type it: no control characters. A NUL, an ESC sequence or a C1 control
// pasted along with a text would be kept in the ledger as typed and carried into exports and HQ;
// the printer already drops them, nothing else should have to. Refused rather than stripped: the
// register never changes what was typed without saying so. Fields that take several lines keep
// the newline (a textarea gives "\n").
import { z } from 'zod';

const NEWLINE = 0x0a;

/** Whether a text holds a control character (a newline counts only where the field is one line). */
export function hasControlCharacters(text: string, options: { multiline?: boolean } = {}): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === NEWLINE && options.multiline === true) continue;
    // C0 (NUL to US), DEL and C1 (0x80 to 0x9f).
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

/**
 * `schema` refusing control characters as `request.invalid_input` with issue `control_characters`
 * (a sentence of its own in the errors locale files, naming the field).
 */
export function plainText(schema: z.ZodString, options: { multiline?: boolean } = {}): z.ZodString {
  return schema.refine((text) => !hasControlCharacters(text, options), { params: { refusal: 'control_characters' } });
}
