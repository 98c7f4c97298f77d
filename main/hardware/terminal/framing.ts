// Serial (RS-232) framing: DLE STX | APDU with every 0x10 doubled | DLE ETX | CRC lo hi.
// Between frames the only meaningful bytes are the single-byte ACK (06) and NAK (15); anything
// else is line noise and is dropped. The decoder is a pure state machine fed byte chunks, so the
// same code runs in the link layer, the simulator and the fuzz tests.
import { frameCrc } from './crc';
import type { CodecErrorCode } from './result';

export const DLE = 0x10;
export const STX = 0x02;
export const ETX = 0x03;
export const ACK = 0x06;
export const NAK = 0x15;

/** A real APDU is at most 5 + 65535 bytes; anything longer is noise that never ended. */
export const MAX_FRAME_APDU = 5 + 0xffff;

export function encodeFrame(apduBytes: Uint8Array): Uint8Array {
  const out: number[] = [DLE, STX];
  for (const b of apduBytes) {
    out.push(b);
    if (b === DLE) out.push(DLE);
  }
  const crc = frameCrc(apduBytes);
  out.push(DLE, ETX, crc & 0xff, crc >> 8);
  return Uint8Array.from(out);
}

export type FrameEvent =
  | { type: 'frame'; apdu: Uint8Array }
  | { type: 'ack' }
  | { type: 'nak' }
  | { type: 'error'; code: CodecErrorCode; discarded: number }
  | { type: 'noise'; count: number };

type State = 'idle' | 'dle' | 'body' | 'body_dle' | 'crc_lo' | 'crc_hi';

export class FrameDecoder {
  private state: State = 'idle';
  private body: number[] = [];
  private crcLo = 0;
  private noise = 0;

  constructor(private readonly maxApdu = MAX_FRAME_APDU) {}

  /** True while a frame has started but not finished (the link layer's inter-byte timer uses it). */
  inFrame(): boolean {
    return this.state !== 'idle' && this.state !== 'dle';
  }

  /** Drop a half-received frame, e.g. after the inter-byte timeout expired. */
  reset(): FrameEvent[] {
    const events: FrameEvent[] = [];
    if (this.inFrame()) events.push({ type: 'error', code: 'codec.truncated', discarded: this.body.length });
    this.state = 'idle';
    this.body = [];
    return events;
  }

  push(chunk: Uint8Array): FrameEvent[] {
    const events: FrameEvent[] = [];
    const flushNoise = () => {
      if (this.noise > 0) events.push({ type: 'noise', count: this.noise });
      this.noise = 0;
    };
    for (const b of chunk) {
      switch (this.state) {
        case 'idle':
          if (b === DLE) this.state = 'dle';
          else if (b === ACK) {
            flushNoise();
            events.push({ type: 'ack' });
          } else if (b === NAK) {
            flushNoise();
            events.push({ type: 'nak' });
          } else this.noise++;
          break;
        case 'dle':
          if (b === STX) {
            flushNoise();
            this.state = 'body';
            this.body = [];
          } else if (b !== DLE) {
            this.noise += 2;
            this.state = 'idle';
          } else this.noise++;
          break;
        case 'body':
          if (b === DLE) this.state = 'body_dle';
          else if (this.body.length >= this.maxApdu) this.abort(events, 'codec.frame_too_long');
          else this.body.push(b);
          break;
        case 'body_dle':
          if (b === DLE) {
            if (this.body.length >= this.maxApdu) this.abort(events, 'codec.frame_too_long');
            else {
              this.body.push(DLE);
              this.state = 'body';
            }
          } else if (b === ETX) this.state = 'crc_lo';
          else if (b === STX) {
            // A new frame started inside the old one: the sender gave up and retransmitted.
            events.push({ type: 'error', code: 'codec.truncated', discarded: this.body.length });
            this.body = [];
            this.state = 'body';
          } else this.abort(events, 'codec.bad_escape');
          break;
        case 'crc_lo':
          this.crcLo = b;
          this.state = 'crc_hi';
          break;
        case 'crc_hi': {
          const apdu = Uint8Array.from(this.body);
          const received = this.crcLo | (b << 8);
          this.body = [];
          this.state = 'idle';
          if (received === frameCrc(apdu)) events.push({ type: 'frame', apdu });
          else events.push({ type: 'error', code: 'codec.crc_mismatch', discarded: apdu.length });
          break;
        }
      }
    }
    flushNoise();
    return events;
  }

  private abort(events: FrameEvent[], code: CodecErrorCode): void {
    events.push({ type: 'error', code, discarded: this.body.length });
    this.body = [];
    this.state = 'idle';
  }
}
