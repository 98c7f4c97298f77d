export { VirtualPrinter, type VirtualPrinterOptions, type VirtualJob, type DrawerPulse } from './virtual-printer';
export { conditionNames, okConditions, type ConditionName, type VirtualConditions } from './scripted-status';
