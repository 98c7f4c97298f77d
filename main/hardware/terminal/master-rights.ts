// ZVT is master/slave: the ECR may start a command only while it holds master rights. Sending
// a command hands them to the PT, which gives them back with Completion (06 0F) or Abort
// (06 1E). The only thing the ECR may send while the PT is master is Abort (06 B0). This class
// is that rule plus a mutex, so two callers can never interleave commands on one terminal.

export type Master = 'ecr' | 'pt';

export class MasterRights {
  private holder: Master = 'ecr';
  private chain: Promise<void> = Promise.resolve();
  private held = false;

  get master(): Master {
    return this.holder;
  }

  /** True while a command is running (whoever is master at this instant). */
  get busy(): boolean {
    return this.held;
  }

  handToTerminal(): void {
    this.holder = 'pt';
  }

  takeBack(): void {
    this.holder = 'ecr';
  }

  /** Run `fn` with exclusive use of the terminal; master rights are back with the ECR afterwards. */
  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.chain;
    let release!: () => void;
    this.chain = new Promise<void>((r) => (release = r));
    await previous;
    this.held = true;
    try {
      return await fn();
    } finally {
      this.held = false;
      this.holder = 'ecr';
      release();
    }
  }
}
