// A short low tone when a scan is refused (an unknown barcode): the cashier is looking at the
// goods, not the screen. On by default; a till in a quiet shop turns it off in the help (F1).
// A preference of this till (its speaker), not of the store, so it is kept in this window's storage.

const STORAGE_KEY = 'ringup.scanErrorSound';

export function scanErrorSoundOn(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== 'off';
  } catch {
    return true;
  }
}

export function setScanErrorSound(on: boolean): void {
  try {
    localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
  } catch {
    // Storage refused (private mode): the choice lasts until the window closes.
  }
}

let audio: AudioContext | null = null;

export function cueScanError(): void {
  if (!scanErrorSoundOn()) return;
  try {
    audio ??= new AudioContext();
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    gain.gain.value = 0.1;
    tone.frequency.value = 330;
    tone.connect(gain).connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.25);
  } catch {
    // No audio device: the alert on the screen still says it.
  }
}
