// The shape of what the owner types to enrol a register with HQ. Main refuses anything else; the
// screen checks the same patterns first so it can say which of the two fields is wrong and how it
// should look, in words (a refusal from main can only name the field).

/** http:// or https://, a host (and port), then an optional path: where HQ listens. */
export const HQ_URL_PATTERN = /^https?:\/\/[^\s/]+(\/.*)?$/;

/** The one-time code HQ hands out: three groups of four, letters and digits without 0, 1, I, O. */
export const ENROL_CODE_PATTERN = /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/;

/** The code as HQ prints it, whatever case or spaces were typed around it. */
export function normalEnrolCode(typed: string): string {
  return typed.trim().toUpperCase();
}
