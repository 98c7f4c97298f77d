import { useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
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
  // Opened (F10), the keys start in the menu, on the open section's entry; a section chosen from
  // the menu takes them to its heading, and Tab goes on into its form. F10 once left them on the
  // heading, 18 Tabs from 班次.
  const chosen = useRef(false);
  const choose = (id: string) => {
    chosen.current = true;
    setOpenId(id);
  };
  useEffect(() => {
    const entry = nav.current?.querySelector<HTMLElement>('[aria-current="page"]');
    if (chosen.current) heading.current?.focus();
    else entry?.focus();
    // The menu scrolls in itself: keep the open section's entry in sight there.
    entry?.scrollIntoView({ block: 'nearest' });
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
            // One Tab stop for the whole menu (the open section's entry); the arrows move within it.
            tabIndex={s.id === open?.id ? 0 : -1}
            data-testid={`back-office-nav-${s.id}`}
            onClick={() => choose(s.id)}
            onKeyDown={moveInMenu}
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

/** ↑ ↓ move through the menu's entries (round from the last to the first), Home and End to its ends; Enter opens one. */
function moveInMenu(event: ReactKeyboardEvent<HTMLButtonElement>) {
  if (event.ctrlKey || event.altKey || event.metaKey || event.shiftKey) return;
  const entries = Array.from(event.currentTarget.parentElement?.querySelectorAll<HTMLButtonElement>('.back-office__link') ?? []);
  const at = entries.indexOf(event.currentTarget);
  const steps: Record<string, number> = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: entries.length - 1 };
  const to = steps[event.key];
  if (to === undefined || entries.length === 0) return;
  event.preventDefault();
  entries[(to + entries.length) % entries.length]?.focus();
}
