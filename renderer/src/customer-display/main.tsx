import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../i18n';
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
