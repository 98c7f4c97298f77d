import { isTraining } from '../training/training';
import type { Role } from '../../preload/contract/primitives';
import type { RegisterPlatform, SessionView } from '../../preload/contract/views';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { getOperator, operatorCount } from './operators';
import { getSettings } from '../settings/settings';

/**
 * Who is at the register. Held in main, one per register (not per window): a reload or a second
 * window sees the same operator and the same sale. A restart logs everyone out.
 */
export class RegisterSession {
  private operatorId: number | null = null;

  /** The OS is part of the view: the settings screens offer and name ports the way this OS does. */
  constructor(private readonly platform: RegisterPlatform) {}

  loggedIn(): number | null {
    return this.operatorId;
  }

  set(operatorId: number | null): void {
    this.operatorId = operatorId;
  }

  /** Ends the session; who left is journalled (a till left logged in is how sales go missing). */
  logout(db: Db, now: number): void {
    if (this.operatorId !== null) appendJournal(db, 'session.logout', { operatorId: this.operatorId }, now);
    this.operatorId = null;
  }

  view(db: Db, now: number): SessionView {
    const settings = getSettings(db);
    const operator = this.operatorId === null ? null : getOperator(db, this.operatorId, now);
    if (operator && !operator.active) this.operatorId = null;
    return {
      needsSetup: operatorCount(db) === 0,
      operator: operator && operator.active ? operator : null,
      registerId: settings.registerId,
      storeName: settings.storeName,
      currency: settings.currency,
      storeLocale: settings.storeLocale,
      timeZone: settings.timeZone,
      platform: this.platform,
      display: {
        theme: settings.theme,
        fontSize: settings.fontSize,
        screenBrightness: settings.screenBrightness,
        soundOnScan: settings.soundOnScan,
        soundOnError: settings.soundOnError,
      },
      setupWizardDone: settings.setupWizardDone,
      training: isTraining(db, settings.registerId, operator && operator.active ? operator.id : null),
    };
  }
}

const rank: Record<Role, number> = { cashier: 1, supervisor: 2, owner: 3 };

export function roleAtLeast(role: Role, needed: Role): boolean {
  return rank[role] >= rank[needed];
}
