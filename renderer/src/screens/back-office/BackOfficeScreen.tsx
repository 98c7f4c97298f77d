import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../../preload/contract';
import { sectionsFor } from './sections';

interface BackOfficeScreenProps {
  session: SessionView;
  onClose(): void;
  /** A section (Documents) starts a return on a sale. */
  onStartReturn?(saleId: string): void;
}

/** 管理 / Back office: a menu of the sections this operator's role may use, one open at a time. */
export function BackOfficeScreen({ session, onClose, onStartReturn }: BackOfficeScreenProps) {
  const { t } = useTranslation();
  const sections = session.operator ? sectionsFor(session.operator.role) : [];
  const [openId, setOpenId] = useState(sections[0]?.id ?? null);
  const open = sections.find((s) => s.id === openId) ?? sections[0] ?? null;
  const heading = useRef<HTMLHeadingElement>(null);

  const nav = useRef<HTMLElement>(null);
  useEffect(() => {
    heading.current?.focus();
    // The menu scrolls in itself: keep the open section's entry in sight there.
    nav.current?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: 'nearest' });
  }, [open?.id]);

  // F10, or Esc outside a field, goes back to the sale; a dialog (help) keeps its keys.
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
      const target = event.target;
      const inField = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
      const inDialog = target instanceof Element && target.closest('dialog') !== null;
      if (inDialog) return;
      if (event.key === 'F10' || (event.key === 'Escape' && !inField)) {
        event.preventDefault();
        onCloseRef.current();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const Section = open?.component;
  return (
    <main className="back-office" data-testid="back-office">
      <nav ref={nav} className="back-office__nav" aria-label={t('backOffice.sections')}>
        <h1 className="back-office__title">{t('backOffice.title')}</h1>
        {sections.map((s) => (
          <button
            key={s.id}
            type="button"
            className={`back-office__link${s.id === open?.id ? ' back-office__link--active' : ''}`}
            aria-current={s.id === open?.id ? 'page' : undefined}
            data-testid={`back-office-nav-${s.id}`}
            onClick={() => setOpenId(s.id)}
          >
            {t(s.labelKey)}
          </button>
        ))}
        <button type="button" className="button back-office__back" onClick={onClose} data-testid="back-to-sale">
          {t('backOffice.backToSale')} <kbd>Esc</kbd>
        </button>
      </nav>
      <section className="back-office__body" aria-labelledby="back-office-heading">
        {open && Section ? (
          <>
            <h2 id="back-office-heading" ref={heading} tabIndex={-1} className="back-office__heading">
              {t(open.labelKey)}
            </h2>
            <Section key={open.id} session={session} onStartReturn={onStartReturn} />
          </>
        ) : (
          <p className="muted">{t('backOffice.nothing')}</p>
        )}
      </section>
    </main>
  );
}
