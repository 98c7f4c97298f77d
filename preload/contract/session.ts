import { z } from 'zod';
import { call } from './define';
import { id, locale, pin, role, shortText } from './primitives';
import type { OperatorView, SessionView } from './views';

export const sessionCalls = {
  /** Who is logged in, and whether the first-run setup is still needed. */
  'session.current': call<SessionView>()(z.object({}).strict()),
  /** First run only: creates the owner. Refused once any operator exists. */
  'setup.createOwner': call<SessionView>()(z.object({ name: shortText, pin, storeName: shortText.optional(), storeLocale: locale.optional() }).strict()),
  /** Names and roles for the login screen; no secrets. */
  'session.operators': call<OperatorView[]>()(z.object({}).strict()),
  'session.login': call<SessionView>()(z.object({ operatorId: id, pin }).strict()),
  'session.logout': call<SessionView>()(z.object({}).strict()),
  'operator.create': call<OperatorView>()(z.object({ name: shortText, pin, role }).strict()),
  'operator.unlock': call<OperatorView>()(z.object({ operatorId: id }).strict()),
  'operator.list': call<OperatorView[]>()(z.object({}).strict()),
};

/** Session, login and operator refusals. Each needs its translation in assets/locales (errors.json). */
export const sessionErrors = [
  'session.not_logged_in',
  'session.forbidden',
  'session.wrong_pin',
  'session.locked',
  'setup.already_done',
  'operator.not_found',
  'operator.name_taken',
  'operator.pin_too_weak',
  'operator.cannot_change_self',
] as const;
