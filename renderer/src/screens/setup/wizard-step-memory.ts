// The wizard's step, kept across a reload of the page (sessionStorage: this window only). What a
// step saved is in main already; without this a reload went back to the first step to skip again.
const KEY = 'ringup.wizardStep';

export function rememberedStep<S extends string>(steps: readonly S[]): number {
  try {
    const index = steps.indexOf(window.sessionStorage.getItem(KEY) as S);
    return index >= 0 ? index : 0;
  } catch {
    return 0;
  }
}

export function rememberStep(step: string | null): void {
  try {
    if (step === null) window.sessionStorage.removeItem(KEY);
    else window.sessionStorage.setItem(KEY, step);
  } catch {
    // No storage (a locked-down profile): a reload then starts at the first step, as it always did.
  }
}
