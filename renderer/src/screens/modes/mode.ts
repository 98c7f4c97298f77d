import type { ReactNode } from 'react';

/** One screen of a flow, declared once: when it applies and what it shows. */
export interface Mode<State, Actions> {
  readonly id: string;
  applies(state: State): boolean;
  render(state: State, actions: Actions): ReactNode;
}

/** How a mode is written: `applies` is a type guard, so `render` may rely on what it checked (a sale is loaded, say). */
export interface ModeDefinition<State, Narrowed extends State, Actions> {
  id: string;
  applies(state: State): state is Narrowed;
  render(state: Narrowed, actions: Actions): ReactNode;
}

export function defineMode<State, Narrowed extends State, Actions>(definition: ModeDefinition<State, Narrowed, Actions>): Mode<State, Actions> {
  return {
    id: definition.id,
    applies: definition.applies,
    render: (state, actions) => (definition.applies(state) ? definition.render(state, actions) : null),
  };
}

/** The first mode of the list that applies: lists are in order of precedence and end with one that always does. */
export function pickMode<State, M extends Mode<State, never>>(modes: readonly M[], state: State): M {
  const picked = modes.find((m) => m.applies(state));
  if (!picked) throw new Error(`no mode applies (${modes.map((m) => m.id).join(', ')})`);
  return picked;
}
