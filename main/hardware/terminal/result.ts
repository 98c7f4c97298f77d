// The terminal module's result envelope. It has the same shape as the contract's Result
// (`preload/contract/result.ts`) so services can pass a failure straight through, but its own
// code list: these codes are born here and nothing in this module throws across its boundary.

export type CodecErrorCode =
  | 'codec.truncated'
  | 'codec.length_mismatch'
  | 'codec.bad_bcd'
  | 'codec.unknown_bmp'
  | 'codec.bad_tlv'
  | 'codec.bad_text'
  | 'codec.value_out_of_range'
  | 'codec.crc_mismatch'
  | 'codec.bad_escape'
  | 'codec.frame_too_long'
  | 'codec.unexpected_message';

export type TerminalErrorCode =
  | CodecErrorCode
  | 'terminal.not_connected'
  | 'terminal.open_failed'
  | 'terminal.disconnected'
  | 'terminal.timeout'
  | 'terminal.link_failed'
  | 'terminal.busy'
  | 'terminal.rejected'
  | 'terminal.declined'
  | 'terminal.aborted'
  | 'terminal.protocol'
  | 'terminal.invalid_input'
  | 'terminal.bad_serial_path';

export type TerminalErrorParams = Record<string, string | number | boolean | null>;

export interface TerminalError {
  code: TerminalErrorCode;
  params: TerminalErrorParams;
}

export type TerminalResult<T> = { ok: true; value: T } | { ok: false; error: TerminalError };

export function ok<T>(value: T): TerminalResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: TerminalErrorCode, params: TerminalErrorParams = {}): TerminalResult<T> {
  return { ok: false, error: { code, params } };
}
