import { z } from 'zod';
import { call } from './define';
import { settingsPatch } from './settings';
import { badgeCode, id, locale, pin, role, shortText } from './primitives';
import type { BadgeIssued, BadgeLoginView, OperatorView, SessionView } from './views';

const operatorNumber = z.number().int().min(1).max(999_999);

export const sessionCalls = {
  /** Who is logged in, and whether the first-run setup is still needed. */
  'session.current': call<SessionView>()(z.object({}).strict()),
  /** First run only: creates the owner, with the store settings the wizard gathered before. Refused once any operator exists. */
  'setup.createOwner': call<SessionView>()(
    z.object({ name: shortText, pin, storeName: shortText.optional(), storeLocale: locale.optional(), settings: settingsPatch.optional() }).strict(),
  ),
  /** Names and roles for the login screen; no secrets. */
  'session.operators': call<OperatorView[]>()(z.object({}).strict()),
  'session.login': call<SessionView>()(z.object({ operatorId: id, pin }).strict()),
  /** Operator number (工号) and PIN, for tills whose staff do not want to be picked from a list. */
  'session.loginNumber': call<SessionView>()(z.object({ number: operatorNumber, pin }).strict()),
  /** A scanned badge picks its operator; with `pin` (or for a cashier when the owner allows badge-only) it logs in. */
  'session.loginBadge': call<BadgeLoginView>()(z.object({ code: badgeCode, pin: pin.optional() }).strict()),
  'session.logout': call<SessionView>()(z.object({}).strict()),
  'operator.create': call<OperatorView>()(z.object({ name: shortText, pin, role }).strict()),
  'operator.unlock': call<OperatorView>()(z.object({ operatorId: id }).strict()),
  'operator.list': call<OperatorView[]>()(z.object({}).strict()),
  /** A new badge (the old one stops working), printed on the receipt printer when `print`. */
  'operator.issueBadge': call<BadgeIssued>()(z.object({ operatorId: id, print: z.boolean() }).strict()),
  /** A lost badge, revoked in one step. */
  'operator.revokeBadge': call<OperatorView>()(z.object({ operatorId: id }).strict()),
  /** The owner stops an operator logging in (staff who left) or lets them in again; past sales keep their name. */
  'operator.setActive': call<OperatorView>()(z.object({ operatorId: id, active: z.boolean() }).strict()),
  /** The owner sets a new PIN for an operator (a forgotten one); it lifts a lockout. */
  'operator.resetPin': call<OperatorView>()(z.object({ operatorId: id, pin }).strict()),
  'operator.setRole': call<OperatorView>()(z.object({ operatorId: id, role }).strict()),
};

/** Session, login and operator refusals. Each needs its translation in assets/locales (errors.json). */
export const sessionErrors = [
  'session.not_logged_in',
  'session.forbidden',
  'session.wrong_pin',
  'session.locked',
  'setup.already_done',
  'setup.store_name_required',
  'operator.not_found',
  'operator.name_taken',
  'operator.pin_too_weak',
  'operator.cannot_change_self',
  'operator.last_owner',
  'session.deactivated',
  'session.badge_invalid',
] as const;
