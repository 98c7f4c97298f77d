// The back office's sections, in menu order. To add one: write a component that takes
// BackOfficeSectionProps, give it a label key in both ui.json files, and add a line here.
import type { ComponentType } from 'react';
import type { BackOfficeSectionProps } from './section-props';
import type { Role } from '../../../../preload/contract/primitives';
import { CatalogSection } from './CatalogSection';
import { DocumentsSection } from './DocumentsSection';
import { JournalSection } from './JournalSection';
import { OperatorsSection } from './OperatorsSection';
import { roleAtLeast } from './roles';
import { SettingsSection } from './SettingsSection';
import { BackupSection } from '../backup/BackupSection';
import { CardTerminalSection } from '../card-terminal/CardTerminalSection';
import { AboutSection } from './AboutSection';
import { SelfCheckSection } from '../setup/SelfCheckPanel';
import { TaxRatesEditor } from '../setup/TaxRatesEditor';
import { ScanPaySection } from '../scan-pay/ScanPaySection';
import { DrawerSection } from '../printing/DrawerSection';
import { PrinterSection } from '../printing/PrinterSection';
import { PrintQueueSection } from '../printing/PrintQueueSection';
import { ReceiptsSection } from '../printing/ReceiptsSection';
import { ShiftSection } from '../shift/ShiftSection';
import { DayCloseSection } from '../day-close/DayCloseSection';
import { ZReportsSection } from '../day-close/ZReportsSection';
import { HqSection } from '../sync/HqSection';
import { HqOverviewSection } from '../sync/HqOverviewSection';
import { FraudSection } from '../fraud/FraudSection';
import { ReportsSection } from '../reports/ReportsSection';
import { AuditSection } from '../audit/AuditSection';
import { TrainingSection } from '../training/TrainingSection';
import { ScaleLabelsSection } from '../scale-labels/ScaleLabelsSection';
import { ScanSettlingSection } from '../scan-pay/ScanSettlingSection';

export interface BackOfficeSection {
  /** Stable id: used in test ids (`back-office-nav-<id>`) and to remember the open section. */
  id: string;
  /** ui.json key of the menu label and the section heading. */
  labelKey: string;
  /** The least role that sees the section. Main still authorizes every call. */
  leastRole: Role;
  component: ComponentType<BackOfficeSectionProps>;
}

export const backOfficeSections: BackOfficeSection[] = [
  { id: 'operators', labelKey: 'backOffice.section.operators', leastRole: 'supervisor', component: OperatorsSection },
  { id: 'catalog', labelKey: 'backOffice.section.catalog', leastRole: 'supervisor', component: CatalogSection },
  { id: 'settings', labelKey: 'backOffice.section.settings', leastRole: 'owner', component: SettingsSection },
  { id: 'journal', labelKey: 'backOffice.section.journal', leastRole: 'supervisor', component: JournalSection },
  { id: 'documents', labelKey: 'backOffice.section.documents', leastRole: 'supervisor', component: DocumentsSection },
  { id: 'shift', labelKey: 'backOffice.section.shift', leastRole: 'cashier', component: ShiftSection },
  { id: 'day-close', labelKey: 'backOffice.section.dayClose', leastRole: 'supervisor', component: DayCloseSection },
  { id: 'z-reports', labelKey: 'backOffice.section.zReports', leastRole: 'supervisor', component: ZReportsSection },
  { id: 'fraud', labelKey: 'backOffice.section.fraud', leastRole: 'supervisor', component: FraudSection },
  { id: 'reports', labelKey: 'backOffice.section.reports', leastRole: 'supervisor', component: ReportsSection },
  { id: 'audit', labelKey: 'backOffice.section.audit', leastRole: 'supervisor', component: AuditSection },
  { id: 'receipts', labelKey: 'printing.tab.receipts', leastRole: 'cashier', component: ReceiptsSection },
  { id: 'drawer', labelKey: 'printing.tab.drawer', leastRole: 'cashier', component: DrawerSection },
  { id: 'print-queue', labelKey: 'printing.tab.queue', leastRole: 'supervisor', component: PrintQueueSection },
  { id: 'printer', labelKey: 'printing.tab.printer', leastRole: 'owner', component: PrinterSection },
  { id: 'card-terminal', labelKey: 'backOffice.section.cardTerminal', leastRole: 'supervisor', component: CardTerminalSection },
  { id: 'scan-pay', labelKey: 'backOffice.section.scanPay', leastRole: 'owner', component: ScanPaySection },
  { id: 'scan-settling', labelKey: 'backOffice.section.scanSettling', leastRole: 'owner', component: ScanSettlingSection },
  { id: 'backup', labelKey: 'backOffice.section.backup', leastRole: 'owner', component: BackupSection },
  { id: 'tax-rates', labelKey: 'taxRates.title', leastRole: 'owner', component: TaxRatesEditor },
  { id: 'self-check', labelKey: 'selfCheck.title', leastRole: 'cashier', component: SelfCheckSection },
  { id: 'about', labelKey: 'about.title', leastRole: 'cashier', component: AboutSection },
  { id: 'hq', labelKey: 'backOffice.section.hq', leastRole: 'supervisor', component: HqSection },
  { id: 'hq-overview', labelKey: 'backOffice.section.hqOverview', leastRole: 'owner', component: HqOverviewSection },
  { id: 'training', labelKey: 'backOffice.section.training', leastRole: 'owner', component: TrainingSection },
  { id: 'scale-labels', labelKey: 'backOffice.section.scaleLabels', leastRole: 'owner', component: ScaleLabelsSection },
];

/** The sections a role sees; an empty list hides the back office altogether. */
export function sectionsFor(role: Role): BackOfficeSection[] {
  return backOfficeSections.filter((s) => roleAtLeast(role, s.leastRole));
}
