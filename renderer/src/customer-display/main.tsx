import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../i18n';
// The shop's own font, as on the till's screen: a display on a Linux machine without CJK fonts
// would show the store's name and the 中文 button as empty boxes.
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import '../styles/till.css';
import '../styles/customer-display.css';
import { CustomerDisplayScreen } from './CustomerDisplayScreen';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <CustomerDisplayScreen />
    </StrictMode>,
  );
}
