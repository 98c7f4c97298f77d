// How the screens look and sound, from the store's settings (in every session view, so the login
// screen follows them too): theme and font size as attributes the stylesheet reads, brightness
// as a dimming filter in the desktop shell (a browser's brightness is the system's), and short
// beeps for a scan and for an error.
import type { DisplaySettings } from '../../../preload/contract';
import { brightnessFilter } from './brightness';

let current: DisplaySettings | null = null;

export function applyDisplay(display: DisplaySettings): void {
  current = display;
  const root = document.documentElement;
  root.dataset.theme = display.theme;
  root.dataset.fontSize = display.fontSize;
  root.style.filter = brightnessFilter(display.screenBrightness, window.ringup !== undefined);
}

let audio: AudioContext | null = null;

function beep(frequency: number, ms: number): void {
  try {
    audio ??= new AudioContext();
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    gain.gain.value = 0.08;
    osc.frequency.value = frequency;
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + ms / 1000);
  } catch {
    // No audio device: the screen still shows what happened.
  }
}

export function soundScan(): void {
  if (current?.soundOnScan) beep(1760, 60);
}

export function soundError(): void {
  if (current?.soundOnError) beep(220, 250);
}
