// A serial port that notices when its device goes away. When a USB-serial adapter is unplugged or
// a pty's other end closes, Linux hangs the tty up, and from then on read() returns 0 bytes for
// ever. @serialport/bindings-cpp (13.0) takes 0 bytes as "nothing yet" and reads again at once: the
// port spins reads on the thread pool and never reports the loss, so a terminal unplugged while it
// held the line was only noticed by the silence limit (180 s), and only if nothing was written to
// it meanwhile (a write to a hung-up tty fails, which is how it was noticed otherwise). The pty test
// "port closed mid-transaction" caught it about one run in twelve under load.
//
// The binding opens the descriptor non-blocking with VMIN 1, so "no data yet" reads as EAGAIN and a
// 0-byte read can only be the hang-up; this binding says so, as a disconnect, and otherwise reads
// exactly as the library does (EAGAIN: wait until the poller says readable). Windows reads through
// its own API and is left as it is.
import { read } from 'node:fs';
import { promisify } from 'node:util';
import { SerialPort } from 'serialport';

// The parts of serialport's binding this file touches, spelled out here: the library's own types
// for them do not resolve for the type-aware linter.
interface ReadResult {
  buffer: Buffer;
  bytesRead: number;
}
interface NativePort {
  read(buffer: Buffer, offset: number, length: number): Promise<ReadResult>;
}
interface NativeBinding {
  list(): Promise<unknown[]>;
  open(options: object): Promise<NativePort>;
}
interface UnixPort {
  fd: number | null;
  isOpen: boolean;
  poller: { once(event: 'readable', callback: (error: Error | null) => void): unknown };
}

const native = SerialPort.binding as unknown as NativeBinding;
const readAsync = promisify(read);

function isUnixPort(port: NativePort): port is NativePort & UnixPort {
  return 'poller' in port && 'fd' in port;
}

/** The errors the stream understands: `canceled` when we closed the port, `disconnect` when the device went. */
function bindingError(message: string, flags: { canceled?: true; disconnect?: true }): Error {
  return Object.assign(new Error(message), flags);
}

async function readUntilHangUp(port: UnixPort, buffer: Buffer, offset: number, length: number): Promise<ReadResult> {
  for (;;) {
    if (!port.isOpen || port.fd === null) throw bindingError('Port is not open', { canceled: true });
    let bytesRead: number;
    try {
      bytesRead = (await readAsync(port.fd, buffer, offset, length, null)).bytesRead;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Any other error ends the port, as in the library (the stream closes it as disconnected).
      if (code !== 'EAGAIN' && code !== 'EWOULDBLOCK' && code !== 'EINTR') throw error;
      if (!port.isOpen) throw bindingError('Port is not open', { canceled: true });
      await new Promise<void>((resolve, reject) => port.poller.once('readable', (e) => (e ? reject(e) : resolve())));
      continue;
    }
    if (bytesRead === 0) throw bindingError('the serial device hung up (unplugged, or the line closed)', { disconnect: true });
    return { buffer, bytesRead };
  }
}

/** The platform's serialport binding, with reads that end in a disconnect when the device hangs up. */
export const hangUpAwareBinding: NativeBinding = {
  list: () => native.list(),
  async open(options: object) {
    const port = await native.open(options);
    if (isUnixPort(port)) port.read = (buffer: Buffer, offset: number, length: number) => readUntilHangUp(port, buffer, offset, length);
    return port;
  },
};
