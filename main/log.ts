/** Where the register writes what went wrong. Messages never carry PINs or card numbers. */
export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

export const consoleLogger: Logger = {
  info: (message) => console.log(`[ringup] ${message}`),
  error: (message, error) => console.error(`[ringup] ${message}`, error instanceof Error ? error.stack : (error ?? '')),
};
