// Must stay first: see api/zodJitless.ts.
import './api/zodJitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { CustomerDisplay } from './customer/CustomerDisplay';
import { readViewMode } from './customer/displayRules';
import { ErrorBoundary } from './shell/ErrorBoundary';
import { pickCarrier } from './api';
import { DEFAULT_LOCALE, applyLocale } from './i18n';
import './styles/base.css';
import './styles/layout.css';
import './styles/scan.css';
import './styles/sale.css';
import './styles/dialogs.css';
import './styles/tender.css';
import './styles/receipt.css';
import './styles/payments.css';
import './styles/terminal.css';
import './styles/stcpay.css';
import './styles/printing.css';
import './styles/health.css';
import './styles/admin.css';
import './styles/customer.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');

applyLocale(DEFAULT_LOCALE);
// One carrier (one socket) for the page's lifetime, created outside React so re-renders never reconnect.
const carrier = pickCarrier();
// `#view=customer`: the read-only screen that faces the customer, on a second display or window.
const view = readViewMode(window.location.hash);
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>{view === 'customer' ? <CustomerDisplay carrier={carrier} /> : <App carrier={carrier} />}</ErrorBoundary>
  </StrictMode>,
);
