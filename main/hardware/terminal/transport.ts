// A byte pipe to the terminal. The link layer does not care whether bytes travel over RS-232 or
// TCP, only whether it must frame them (serial) or not (TCP), so transports stay this small.
import type { TerminalResult } from './result';

export type TransportKind = 'serial' | 'tcp';

export interface ByteTransport {
  readonly kind: TransportKind;
  /** Human-readable endpoint for status displays, e.g. `/dev/ttyUSB0` or `10.0.0.5:20007`. */
  readonly endpoint: string;
  open(): Promise<TerminalResult<void>>;
  write(bytes: Uint8Array): Promise<TerminalResult<void>>;
  close(): Promise<void>;
  isOpen(): boolean;
  onData(listener: (chunk: Uint8Array) => void): void;
  /** Called once when the transport goes away, whether we closed it or the other end did. */
  onClose(listener: (reason: string) => void): void;
}
