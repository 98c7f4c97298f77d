import { z } from 'zod';
import { call } from './define';
import { id } from './primitives';
import type { TrainingView } from './training-views';

export const trainingCalls = {
  'training.status': call<TrainingView>()(z.object({}).strict()),
  /** The owner switches training on or off for this register or for one operator. */
  'training.set': call<TrainingView>()(
    z.union([
      z.object({ target: z.literal('register'), on: z.boolean() }).strict(),
      z.object({ target: z.literal('operator'), operatorId: id, on: z.boolean() }).strict(),
    ]),
  ),
};

/** Training refusals. Each needs its translation in assets/locales (errors.json). */
export const trainingErrors = [
  'training.no_real_payment',
  'training.sale_not_refundable',
  'training.real_sale_not_correctable',
  'training.sale_in_progress',
  'training.sale_held',
  'training.sale_is_practice',
  'training.sale_is_real',
  'training.cash_in_training',
] as const;
