// The listener half of a ByteTransport, shared by the serial and TCP transports: however the
// bytes travel, received chunks go to every data listener, and the close listeners must hear
// about a loss exactly once per open, even when 'error' and 'close' both fire for it.

export class TransportListeners {
  private dataListeners: ((chunk: Uint8Array) => void)[] = [];
  private closeListeners: ((reason: string) => void)[] = [];
  private closedReported = false;

  /** `forget` drops the transport's handle; it runs before listeners are told, so isOpen() is already false for them. */
  constructor(private readonly forget: () => void) {}

  onData(listener: (chunk: Uint8Array) => void): void {
    this.dataListeners.push(listener);
  }

  onClose(listener: (reason: string) => void): void {
    this.closeListeners.push(listener);
  }

  data(chunk: Uint8Array): void {
    this.dataListeners.forEach((l) => l(chunk));
  }

  /** The transport is open again: its next loss is news. */
  opened(): void {
    this.closedReported = false;
  }

  closed(reason: string): void {
    if (this.closedReported) return;
    this.closedReported = true;
    this.forget();
    this.closeListeners.forEach((l) => l(reason));
  }
}
