import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompletionView, SessionView } from '../../../preload/contract';
import { ErrorNote } from '../components/ErrorNote';
import { Header } from '../components/Header';
import { HelpOverlay } from '../components/HelpOverlay';
import { useScanner } from '../keyboard/use-scanner';
import { useCall, useCallGroup } from '../state/use-call';
import { useSale } from '../state/use-sale';
import { BackOfficeScreen } from './back-office/BackOfficeScreen';
import { sectionsFor } from './back-office/sections';
import { CashPaymentScreen } from './CashPaymentScreen';
import { CompletionScreen } from './CompletionScreen';
import type { SaleEditCall } from './sale/sale-edits';
import { SaleScreen } from './sale/SaleScreen';

type Mode = 'sale' | 'payment' | 'backOffice';

/** A logged-in cashier's loop: ring up → take cash → receipt → next sale. */
export function RegisterFlow({ session, onLogout }: { session: SessionView; onLogout(): void }) {
  const { t } = useTranslation();
  const { sale, loadError, loadCurrent, apply, payingRef } = useSale();
  const [mode, setMode] = useState<Mode>('sale');
  const [completion, setCompletion] = useState<CompletionView | null>(null);
  const edits = useCallGroup<SaleEditCall>();
  const editSale = edits.run;
  const logoutCall = useCall('session.logout');
  const [help, setHelp] = useState(false);

  const nextSale = useCallback(async () => {
    payingRef.current = null;
    setCompletion(null);
    setMode('sale');
    await loadCurrent();
  }, [loadCurrent, payingRef]);

  // A scan works on every screen of the loop: after a receipt it starts the next sale.
  const onScan = useCallback(
    async (code: string) => {
      let saleId = sale?.status === 'open' && !completion ? sale.id : null;
      if (saleId === null) {
        payingRef.current = null;
        setCompletion(null);
        const current = await editSale('sale.current', {});
        if (!current.ok) return;
        saleId = current.value.id;
      }
      setMode('sale');
      apply(await editSale('sale.addProduct', { saleId, code }));
    },
    [sale, completion, apply, payingRef, editSale],
  );
  // In the back office a scan types into the focused field (e.g. the product search) instead.
  useScanner((code) => void onScan(code), !help && mode !== 'backOffice');
  const canBackOffice = session.operator !== null && sectionsFor(session.operator.role).length > 0;
  const openBackOffice = canBackOffice ? () => setMode('backOffice') : undefined;

  // F1 opens the shortcut list from any screen of the loop.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'F1') return;
      event.preventDefault();
      setHelp(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Nothing left to pay for (emptied in another window): back to the cart.
  useEffect(() => {
    if (mode === 'payment' && sale && sale.lines.length === 0) setMode('sale');
  }, [mode, sale]);

  const logout = async () => {
    const result = await logoutCall.run({});
    if (result.ok) onLogout();
  };

  let body;
  if (mode === 'backOffice') body = <BackOfficeScreen session={session} onClose={() => setMode('sale')} />;
  else if (completion) body = <CompletionScreen completion={completion} onNext={() => void nextSale()} />;
  else if (!sale) body = loadError ? <ErrorNote error={loadError} /> : <p className="muted loading">{t('app.loading')}</p>;
  else if (mode === 'payment')
    body = (
      <CashPaymentScreen
        sale={sale}
        payingRef={payingRef}
        onBack={() => setMode('sale')}
        onCompleted={(done) => {
          setCompletion(done);
          setMode('sale');
        }}
      />
    );
  else body = <SaleScreen sale={sale} edits={edits} apply={apply} onPay={() => setMode('payment')} paused={help} onBackOffice={openBackOffice} />;

  return (
    <div className="app-shell">
      <Header
        session={session}
        onHelp={() => setHelp(true)}
        onLogout={() => void logout()}
        onBackOffice={mode === 'sale' && !completion ? openBackOffice : undefined}
      />
      {body}
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
    </div>
  );
}
