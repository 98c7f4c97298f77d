// Placeholder until the Electron shell lands (issue 5).
export {};
