import { calls, type CallName } from '../../preload/contract';
import { fail, ok, type Result } from '../../preload/contract/result';
import type { Db } from '../ledger/database';
import { inTransaction } from '../ledger/transaction';
import { IDEMPOTENCY_KEEP_MS, pruneIdempotency, requestHash, storedResult, storeResult } from '../ledger/idempotency';
import type { EventBus } from '../common/event-bus';
import { ServiceError } from '../common/service-error';
import { storageFailure, type StorageWatch } from '../ledger/storage-failure';
import { roleAtLeast, type RegisterSession } from '../operators/session';
import { getSettings } from '../settings/settings';
import { callerOf, operatorCount, type CallerRow } from '../operators/operators';
import { businessDayOf, businessDayRule } from '../business-day/business-day';
import type { Handler, HandlerContext, HandlerTable, RegisterServices } from './handler';
import type { Logger } from '../log';
import { inputRefusal } from './input-refusal';

export interface RouterDeps {
  db: Db;
  session: RegisterSession;
  events: EventBus;
  handlers: HandlerTable;
  services: RegisterServices;
  log: Logger;
  clock?: () => number;
  /** Told when the ledger cannot be written (disk full, I/O error) and when a later call commits again. */
  storage?: StorageWatch;
}

export type Dispatch = (name: unknown, input: unknown) => Promise<Result<unknown>>;

/**
 * The one way into the register, whatever the transport: look the call up in the allow-list,
 * validate its input, check the operator in main, run the service, and answer with an envelope.
 * Nothing thrown ever crosses the transport.
 */
export function createRouter(deps: RouterDeps): Dispatch {
  const clock = deps.clock ?? Date.now;
  const inFlight: InFlight = new Map();
  // The business day whose start last pruned the idempotency keys; null until the first money call after start-up.
  let prunedForDay: string | null = null;

  return async function dispatch(name, input) {
    const mark = deps.storage?.mark() ?? null;
    const result = await route(name, input);
    if (result.ok) deps.storage?.succeeded(mark);
    return result;
  };

  async function route(name: unknown, input: unknown): Promise<Result<unknown>> {
    // Own keys only: "__proto__", "constructor" or "toString" are not calls.
    if (typeof name !== 'string' || !Object.hasOwn(calls, name) || !Object.hasOwn(deps.handlers, name)) {
      return fail('request.unknown_call', { name: typeof name === 'string' ? name.slice(0, 64) : typeof name });
    }
    const callName = name as CallName;
    const def = calls[callName];
    const handler = deps.handlers[callName] as Handler<CallName>;

    const parsed = def.input.safeParse(input);
    if (!parsed.success) {
      return fail('request.invalid_input', inputRefusal(parsed.error.issues[0]));
    }

    try {
      const now = clock();
      // The operator is read from the ledger on every call (one row, no PIN hash): a deactivated
      // or demoted operator loses access with their next call, not their next login.
      const operatorId = deps.session.loggedIn();
      let operator = operatorId === null ? null : callerOf(deps.db, operatorId);
      if (operatorId !== null && (!operator || operator.active !== 1)) {
        endSession(deps, now);
        operator = null;
      }
      const denied = authorize(deps, handler, operator);
      if (denied) return denied;
      const settings = getSettings(deps.db);
      const ctx: HandlerContext = {
        db: deps.db,
        now,
        settings,
        session: deps.session,
        events: deps.events,
        actor: operator ? { id: operator.id, role: operator.role, name: operator.name } : { id: 0, role: 'cashier' },
        services: deps.services,
      };
      const value = parsed.data as never;
      if (!def.movesMoney) return ok(await handler.handle(value, ctx));
      const day = businessDayOf(now, businessDayRule(settings));
      if (day !== prunedForDay) {
        // Once per business day (and once after start-up): keys too old for any retry to come are dropped.
        pruneIdempotency(deps.db, now - IDEMPOTENCY_KEEP_MS);
        prunedForDay = day;
      }
      return await runIdempotent(deps.db, callName, parsed.data as { idempotencyKey: string }, inFlight, handler, value, ctx);
    } catch (error) {
      if (error instanceof ServiceError) {
        recordRefusal(deps, callName, error);
        return fail(error.code, error.params);
      }
      // Stack traces and SQL stay in the log; the window only learns that something went wrong,
      // or, when the ledger could not be written, that and what to do about it. The error left the
      // call's transaction, which was rolled back, so nothing of the call was kept.
      deps.log.error(`call ${callName} failed`, error);
      const storage = storageFailure(error);
      if (!storage) return fail('internal');
      deps.storage?.failed(storage);
      return fail(storage);
    }
  }
}

/**
 * A refusal that must leave a trace (a cash-out beyond the drawer) writes it now that the call's
 * transaction is over. The caller gets the refusal either way: a trace that cannot be written
 * (a full disk) is logged, not put in its place.
 */
function recordRefusal(deps: RouterDeps, callName: CallName, error: ServiceError): void {
  if (!error.afterRollback || deps.db.inTransaction) return;
  try {
    error.afterRollback();
  } catch (failure) {
    deps.log.error(`call ${callName}: its refusal could not be journalled`, failure);
    const storage = storageFailure(failure);
    if (storage) deps.storage?.failed(storage);
  }
}

/**
 * The operator was deactivated while logged in (by the owner elsewhere, or an operators version
 * from HQ): the session ends as a logout does, journalled with what it hands over, and every
 * window goes back to the login screen.
 */
function endSession(deps: RouterDeps, now: number): void {
  deps.db.transaction(() => deps.session.logout(deps.db, now))();
  deps.events.emit('session.changed', deps.session.view(deps.db, now));
}

function authorize(deps: RouterDeps, handler: Handler<CallName>, operator: CallerRow | null): Result<never> | null {
  switch (handler.access) {
    case 'public':
      return null;
    case 'setup':
      return operatorCount(deps.db) === 0 ? null : fail('setup.already_done');
    case 'cashier':
    case 'supervisor':
    case 'owner': {
      if (!operator || operator.active !== 1) return fail('session.not_logged_in');
      return roleAtLeast(operator.role, handler.access) ? null : fail('session.forbidden', { needs: handler.access });
    }
    default:
      // Deny by default: a handler without a known access level is never run.
      return fail('session.forbidden');
  }
}

/** Requests that are still running, by idempotency key, with what they asked for. */
type InFlight = Map<string, { call: CallName; inputHash: string; promise: Promise<Result<unknown>> }>;

/**
 * A money-moving call runs at most once per idempotency key: the first result is stored in the
 * same transaction as its effect, and a repeat gets that result back. The same key with another
 * request is refused. Failures are not stored, so a corrected retry can go through.
 */
async function runIdempotent(
  db: Db,
  call: CallName,
  input: { idempotencyKey: string },
  inFlight: InFlight,
  handler: Handler<CallName>,
  value: never,
  ctx: HandlerContext,
): Promise<Result<unknown>> {
  const { idempotencyKey, ...rest } = input;
  const inputHash = requestHash(call, rest);
  const previous = storedResult(db, idempotencyKey);
  if (previous) {
    if (previous.call !== call || previous.inputHash !== inputHash) return fail('request.idempotency_key_reused');
    if (!previous.rebuild) return ok(previous.result);
    if (!handler.replay) throw new Error(`${call} has a rebuildable idempotency record but no replay`);
    return ok(handler.replay.rebuild(previous.result, ctx));
  }
  // Still running (a card payment waits for the terminal): only the very same request may wait for its result.
  const pending = inFlight.get(idempotencyKey);
  if (pending) return pending.call === call && pending.inputHash === inputHash ? pending.promise : fail('request.idempotency_key_reused');
  const store = (result: unknown): void => {
    const kept = handler.replay?.keep(result as never) ?? null;
    if (kept === null) storeResult(db, idempotencyKey, call, inputHash, result, ctx.now);
    else storeResult(db, idempotencyKey, call, inputHash, kept, ctx.now, true);
  };
  const attempt = (async (): Promise<Result<unknown>> => {
    if (handler.awaitsHardware === true) {
      // A card payment commits its own intent before the terminal hears of it; the result is stored when it arrives.
      const result = await handler.handle(value, ctx);
      store(result);
      return ok(result);
    }
    // Everything else is a ledger change: its effect and its stored result commit together.
    const result = inTransaction(db, () => {
      const outcome = handler.handle(value, ctx);
      if (outcome instanceof Promise) throw new Error(`${call} returned a promise; mark its handler awaitsHardware`);
      store(outcome);
      return outcome;
    });
    return ok(result);
  })();
  inFlight.set(idempotencyKey, { call, inputHash, promise: attempt });
  try {
    return await attempt;
  } finally {
    inFlight.delete(idempotencyKey);
  }
}
