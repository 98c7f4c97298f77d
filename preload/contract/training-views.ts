// Training mode as the windows see it.

export interface TrainingView {
  /** The whole register is in training. */
  register: boolean;
  /** Operators in training on every register. */
  operatorIds: number[];
  /** What the logged-in operator rings up here now is training. */
  active: boolean;
}
