// What the virtual printer answers to DLE EOT n and GS r 1, from a scriptable condition set.
// Bit layout as on Epson-compatible printers (research notes §5): fixed bits 1 and 4 set.

export interface VirtualConditions {
  paperOut: boolean;
  paperNearEnd: boolean;
  coverOpen: boolean;
  /** Offline on its own (e.g. the feed button held, or a recoverable fault). */
  offline: boolean;
  error: boolean;
  drawerOpen: boolean;
  /** Accept bytes but never answer status requests. */
  noAnswer: boolean;
  /** Send stray bytes before each status answer, as noisy lines and ASB printers do. */
  garbage: boolean;
}

export const okConditions: VirtualConditions = {
  paperOut: false,
  paperNearEnd: false,
  coverOpen: false,
  offline: false,
  error: false,
  drawerOpen: false,
  noAnswer: false,
  garbage: false,
};

/** Paper out, cover open and errors stop printing; bytes wait in the buffer until they clear. */
export function isBlocked(c: VirtualConditions): boolean {
  return c.paperOut || c.coverOpen || c.offline || c.error;
}

export function dleEotAnswer(n: number, c: VirtualConditions): number {
  switch (n) {
    case 1:
      return 0x12 | (c.drawerOpen ? 0x04 : 0) | (isBlocked(c) ? 0x08 : 0);
    case 2:
      return 0x12 | (c.coverOpen ? 0x04 : 0) | (c.paperOut ? 0x20 : 0) | (c.error ? 0x40 : 0);
    case 3:
      return 0x12 | (c.error ? 0x20 : 0);
    default:
      return 0x12 | (c.paperNearEnd || c.paperOut ? 0x0c : 0) | (c.paperOut ? 0x60 : 0);
  }
}

/** GS r 1 (paper sensor): no fixed bits, so it fails the DLE EOT validation on purpose. */
export function paperSensorAnswer(c: VirtualConditions): number {
  return (c.paperNearEnd || c.paperOut ? 0x03 : 0) | (c.paperOut ? 0x0c : 0);
}

export const garbageBytes = Uint8Array.of(0x00, 0xff, 0x81, 0x13);

/** Names the CLI and tests use to script a condition. */
export const conditionNames = [
  'ok',
  'paper_out',
  'paper_near_end',
  'cover_open',
  'offline',
  'error',
  'no_answer',
  'drawer_open',
  'drawer_closed',
  'garbage',
  'no_garbage',
] as const;
export type ConditionName = (typeof conditionNames)[number];

export function applyCondition(c: VirtualConditions, name: ConditionName): VirtualConditions {
  switch (name) {
    case 'ok':
      return { ...okConditions, drawerOpen: c.drawerOpen, garbage: c.garbage };
    case 'paper_out':
      return { ...c, paperOut: true };
    case 'paper_near_end':
      return { ...c, paperNearEnd: true };
    case 'cover_open':
      return { ...c, coverOpen: true };
    case 'offline':
      return { ...c, offline: true };
    case 'error':
      return { ...c, error: true };
    case 'no_answer':
      return { ...c, noAnswer: true };
    case 'drawer_open':
      return { ...c, drawerOpen: true };
    case 'drawer_closed':
      return { ...c, drawerOpen: false };
    case 'garbage':
      return { ...c, garbage: true };
    case 'no_garbage':
      return { ...c, garbage: false };
  }
}
