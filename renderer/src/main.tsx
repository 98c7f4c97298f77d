import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n';
// The UI font ships with the app and is served by the register itself (no CDN): a Linux till
// without Chinese fonts shows Chinese, not empty boxes. Only the slices a screen uses are loaded.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './styles/till.css';
import './styles/display.css';
import { App } from './App';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
