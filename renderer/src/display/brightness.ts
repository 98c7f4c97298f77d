/** The page's dimming for a brightness in percent: only in the desktop shell (a browser's is the system's), never brighter than the screen. */
export function brightnessFilter(percent: number, desktop: boolean): string {
  return desktop && percent < 100 ? `brightness(${percent / 100})` : '';
}
