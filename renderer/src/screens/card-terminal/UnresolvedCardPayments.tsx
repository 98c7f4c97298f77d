import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CardIntentView } from '../../../../preload/contract';
import { Dialog } from '../../components/Dialog';
import { DataTable } from '../../components/DataTable';
import { ErrorNote } from '../../components/ErrorNote';
import { Notice } from '../../components/Notice';
import { useFormat } from '../../state/store-context';
import { useCall } from '../../state/use-call';

type Outcome = 'approved' | 'declined';

/** Why a person has to decide: the terminal's reason or last step, else what the state means. */
function why(intent: CardIntentView, t: TFunction): string {
  if (intent.state === 'approved') return t('cardTerminal.unresolved.why.notBooked');
  // The outcome is known here: the terminal approved something else, and the reason says what became of it.
  if (intent.approvalMismatch && intent.reason) return t(`reason.${intent.reason}`, { ns: 'errors', defaultValue: intent.reason });
  const parts = [t('cardTerminal.unresolved.why.unknown')];
  if (intent.reason) parts.push(t(`reason.${intent.reason}`, { ns: 'errors', defaultValue: intent.reason }));
  if (intent.lastStep) parts.push(t('cardTerminal.unresolved.lastStep', { step: t(intent.lastStep, { defaultValue: intent.lastStep }) }));
  return parts.join(' ');
}

/**
 * Card payments main could not settle by itself: the terminal went silent, or an approval could
 * not be booked. The supervisor checks the terminal's own journal and says what happened there.
 */
export function UnresolvedCardPayments() {
  const { t } = useTranslation();
  const format = useFormat();
  const unresolved = useCall('card.unresolved');
  const resolution = useCall('card.resolve');
  const [deciding, setDeciding] = useState<{ intent: CardIntentView; outcome: Outcome } | null>(null);
  const [authCode, setAuthCode] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const load = unresolved.run;

  useEffect(() => {
    void load({});
  }, [load]);

  const ask = (intent: CardIntentView, outcome: Outcome) => {
    setNotice(null);
    resolution.reset();
    setAuthCode(intent.authCode ?? '');
    setDeciding({ intent, outcome });
  };

  const resolve = async () => {
    if (!deciding || resolution.busy) return;
    const { intent, outcome } = deciding;
    const code = authCode.trim();
    if (code && !/^[A-Za-z0-9 ]{1,16}$/.test(code))
      return resolution.refuse({ code: 'request.invalid_input', params: { field: 'authCode', issue: 'invalid' } });
    const result = await resolution.run({ intentId: intent.id, outcome, ...(outcome === 'approved' && code ? { authCode: code } : {}) });
    if (!result.ok) return;
    setDeciding(null);
    const settled = result.value;
    setNotice(
      settled.state === 'approved' && !settled.paymentRecorded
        ? t('cardTerminal.unresolved.approvedNotBooked')
        : t(settled.state === 'approved' ? 'cardTerminal.unresolved.resolvedApproved' : 'cardTerminal.unresolved.resolvedDeclined'),
    );
    await load({});
  };

  return (
    <section aria-labelledby="terminal-unresolved-title" data-testid="terminal-unresolved">
      <h3 id="terminal-unresolved-title">{t('cardTerminal.unresolved.title')}</h3>
      <p className="muted">{t('cardTerminal.unresolved.instruction')}</p>
      <ErrorNote error={unresolved.error} />
      <Notice message={notice} testId="unresolved-notice" />
      <DataTable
        label={t('cardTerminal.unresolved.title')}
        testId="unresolved-table"
        rowTestId="unresolved-row"
        rowData={(i) => ({ 'data-intent-id': i.id })}
        empty={t('cardTerminal.unresolved.none')}
        emptyTestId="unresolved-empty"
        rows={unresolved.value}
        rowKey={(i) => i.id}
        columns={[
          { key: 'time', header: t('cardTerminal.unresolved.time'), cell: (i) => format.dateTime(i.startedAt) },
          { key: 'amount', header: t('cardTerminal.unresolved.amount'), cell: (i) => format.money(i.amountMinor) },
          { key: 'sale', header: t('cardTerminal.unresolved.sale'), title: (i) => i.saleId, cell: (i) => i.saleId.slice(0, 8) },
          { key: 'state', header: t('cardTerminal.unresolved.state'), cell: (i) => t(`cardTerminal.intentState.${i.state}`) },
          {
            key: 'card',
            header: t('cardTerminal.unresolved.card'),
            cell: (i) =>
              [i.brand, i.maskedPan, i.authCode ? t('cardTerminal.unresolved.authCodeShort', { code: i.authCode }) : null].filter(Boolean).join(' ') || '—',
          },
          { key: 'why', header: t('cardTerminal.unresolved.why'), cell: (i) => why(i, t) },
          {
            key: 'actions',
            header: t('cardTerminal.unresolved.actions'),
            cell: (i) => (
              <div className="terminal-actions">
                {/* An approval of another amount or currency is never booked: it can only be confirmed reversed. */}
                {!i.approvalMismatch && (
                  <button type="button" className="button" onClick={() => ask(i, 'approved')} data-testid="resolve-approved">
                    {t('cardTerminal.unresolved.markApproved')}
                  </button>
                )}
                {/* An approval the terminal reported cannot be declined here: it is reversed on the terminal. */}
                {i.state === 'unknown' && (
                  <button type="button" className="button" onClick={() => ask(i, 'declined')} data-testid="resolve-declined">
                    {t(i.approvalMismatch ? 'cardTerminal.unresolved.markReversed' : 'cardTerminal.unresolved.markDeclined')}
                  </button>
                )}
              </div>
            ),
          },
        ]}
      />
      {deciding && (
        <Dialog
          title={t(
            deciding.outcome === 'approved'
              ? 'cardTerminal.unresolved.confirmApprovedTitle'
              : deciding.intent.approvalMismatch
                ? 'cardTerminal.unresolved.confirmReversedTitle'
                : 'cardTerminal.unresolved.confirmDeclinedTitle',
          )}
          onClose={() => setDeciding(null)}
          onSubmit={() => void resolve()}
          testId="resolve-dialog"
        >
          <p>
            {deciding.outcome === 'declined' && deciding.intent.approvalMismatch
              ? t('cardTerminal.unresolved.confirmReversed')
              : t(deciding.outcome === 'approved' ? 'cardTerminal.unresolved.confirmApproved' : 'cardTerminal.unresolved.confirmDeclined', {
                  amount: format.money(deciding.intent.amountMinor),
                  time: format.dateTime(deciding.intent.startedAt),
                })}
          </p>
          {deciding.outcome === 'approved' && (
            <label className="field">
              <span>{t('cardTerminal.unresolved.authCode')}</span>
              <input value={authCode} onChange={(e) => setAuthCode(e.target.value)} maxLength={16} autoComplete="off" data-testid="resolve-auth-code" />
            </label>
          )}
          <ErrorNote error={resolution.error} />
          <div className="dialog__actions">
            <button type="button" className="button" onClick={() => setDeciding(null)}>
              {t('action.cancel')}
            </button>
            <button
              type="submit"
              className={`button ${deciding.outcome === 'approved' ? 'button--primary' : 'button--danger'}`}
              disabled={resolution.busy}
              data-testid="resolve-confirm"
            >
              {t(
                deciding.outcome === 'approved'
                  ? 'cardTerminal.unresolved.markApproved'
                  : deciding.intent.approvalMismatch
                    ? 'cardTerminal.unresolved.markReversed'
                    : 'cardTerminal.unresolved.markDeclined',
              )}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
