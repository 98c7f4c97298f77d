// One place that knows the state of every device and publishes the merged `hardware.status`
// payload: the printer and the card terminal report their own part and never overwrite the other.
import type { HardwareStatus } from '../../preload/contract/events';

export class HardwareStatusHub {
  private status: HardwareStatus = {
    printer: { state: 'unknown', problems: [], drawerOpen: null, queuedJobs: 0 },
    terminal: { state: 'unknown', problems: [] },
    ledger: { state: 'ok', problems: [] },
  };

  /** `publish` sends the merged status to every window; hardware knows nothing of how. */
  constructor(private readonly publish: (status: HardwareStatus) => void) {}

  current(): HardwareStatus {
    return structuredClone(this.status);
  }

  setPrinter(printer: HardwareStatus['printer']): void {
    this.update({ ...this.status, printer });
  }

  setTerminal(terminal: HardwareStatus['terminal']): void {
    this.update({ ...this.status, terminal });
  }

  /** The ledger is not a device, but a full disk stops the counter like one, so it has the same banner. */
  setLedger(ledger: HardwareStatus['ledger']): void {
    this.update({ ...this.status, ledger });
  }

  /** Only changes are published: the printer is polled every few seconds and windows need not re-render. */
  private update(next: HardwareStatus): void {
    if (JSON.stringify(next) === JSON.stringify(this.status)) return;
    this.status = next;
    this.publish(this.current());
  }
}
