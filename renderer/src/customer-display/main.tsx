import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../i18n';
// The till's shipped font here too: without it the customer's screen drew 欢迎光临, the store's
// name and every item as boxes on a machine with no Chinese font of its own.
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
