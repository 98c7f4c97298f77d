// Provider secrets sealed by the OS keychain through Electron's safeStorage (DPAPI on Windows,
// Keychain on macOS, libsecret/kwallet on Linux). Where the OS offers nothing better than
// Chromium's fixed-key "basic_text" store, the file key is used instead and the settings screen says why.
import { safeStorage } from 'electron';
import { FileKeySecretBox, type SecretBox } from '../scan-pay/secret-box';

export function electronSecretBox(fallbackKeyFile: string): SecretBox {
  const weak = process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text';
  if (!safeStorage.isEncryptionAvailable() || weak) {
    const file = new FileKeySecretBox(fallbackKeyFile);
    return { kind: file.kind, keyFile: file.keyFile, keychainMissing: true, seal: (p) => file.seal(p), open: (s) => file.open(s) };
  }
  return {
    kind: 'os',
    keyFile: null,
    keychainMissing: false,
    seal: (plain) => safeStorage.encryptString(plain),
    open: (sealed) => safeStorage.decryptString(sealed),
  };
}
