// The status's time (hh:mm:ss) and date (mm-dd) fields in the terminal's local time, and the
// zero-padded numbers of receipt lines.
export const pad = (n: number, w: number): string => String(n).padStart(w, '0');
export const hhmmss = (d: Date): string => `${pad(d.getHours(), 2)}:${pad(d.getMinutes(), 2)}:${pad(d.getSeconds(), 2)}`;
export const mmdd = (d: Date): string => `${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}`;
