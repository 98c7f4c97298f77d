// Before the register's loop: the first-run setup, then the login; main decides which by its
// session. App shows the first that applies.
import type { OperatorView, SessionView } from '../../../../preload/contract';
import { LoginScreen } from '../LoginScreen';
import { RegisterFlow } from '../RegisterFlow';
import { SetupScreen } from '../SetupScreen';
import { SetupWizard } from '../setup/SetupWizard';
import { defineMode, type Mode, type ModeDefinition } from './mode';

export interface SessionActions {
  /** A session main returned (the owner created, an operator logged in). */
  accept(session: SessionView): void;
  /** Ask main again (after a logout). */
  refresh(): void;
}

type LoggedIn = SessionView & { operator: OperatorView };

const sessionMode = <S extends SessionView>(definition: ModeDefinition<SessionView, S, SessionActions>) => defineMode(definition);

export const sessionModes: readonly Mode<SessionView, SessionActions>[] = [
  sessionMode({
    id: 'setup',
    applies: (s): s is SessionView => s.needsSetup,
    render: (_s, actions) => <SetupScreen onDone={actions.accept} />,
  }),
  sessionMode({
    id: 'login',
    applies: (s): s is SessionView => s.operator === null,
    render: (s, actions) => <LoginScreen session={s} onLoggedIn={actions.accept} />,
  }),
  sessionMode({
    // The owner's first run goes on through the wizard until it is finished or put off.
    id: 'wizard',
    applies: (s): s is LoggedIn => s.operator?.role === 'owner' && !s.setupWizardDone,
    render: (s, actions) => <SetupWizard session={s} onDone={actions.refresh} />,
  }),
  sessionMode({
    id: 'register',
    applies: (s): s is LoggedIn => s.operator !== null,
    // A new operator gets a fresh loop: nothing of the last one's screen state carries over.
    render: (s, actions) => <RegisterFlow key={s.operator.id} session={s} onLogout={actions.refresh} />,
  }),
];
