import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCycles, importGraph, specifiersIn, type ImportEdge } from '../support/import-graph';

// The house's layers, checked over the import graph instead of kept by memory (DESIGN.md §1).
// Each rule names the files it governs and the imports they may not make; a violation is
// reported as "rule: file:line imports target". The same table is in the README.

interface LayerRule {
  rule: string;
  /** Files the rule governs (repo-relative paths). */
  from: RegExp;
  /** Imports they may not make: a repo-relative file or a bare module name. */
  forbids: RegExp;
  /** Type-only imports are allowed (they vanish at run time). */
  typesAllowed?: boolean;
}

// Modules that reach the disk, the network, devices or other processes.
const IO =
  /^(node:)?(fs|fs\/promises|net|tls|http|https|dgram|child_process|worker_threads|os|dns)$|^(better-sqlite3|serialport|@serialport\/.*|ws|papaparse)$/;

// Pure cores: money math, business days, protocol codecs, receipt layout and encoding, report
// aggregation and card reconciliation, cash counts.
const PURE =
  /^main\/(money\/|business-day\/|journal-chain\/|catalog\/search-keys\.ts$|day-close\/(report-figures|card-reconciliation|report-paper|report-strings)\.ts$|shift\/(denominations|expected-cash|cash-slip)\.ts$|hardware\/serial-path\.ts$|hardware\/terminal\/(crc|framing|apdu|bcd|bmp|tlv|text|pan|commands|pt-messages|status-info|codes|recovery|intent-machine|result)\.ts$|hardware\/printer\/(receipt-model|receipt-format|receipt-strings|receipt-document|receiptline-markup|encoder|escpos-commands|escpos-state-pass|card-slip|render|printer-profile|status)\.ts$|providers\/(provider|wechat\/wechat-sign|wechat\/wechat-xml|wechat\/wechat-codes|alipay\/alipay-codes)\.ts$)/;

export const layerRules: LayerRule[] = [
  { rule: 'the renderer never imports main', from: /^renderer\//, forbids: /^main\// },
  { rule: 'the renderer never imports Node or the ledger', from: /^renderer\//, forbids: /^node:|^(better-sqlite3|serialport|ws)$/ },
  { rule: 'the preload never imports main', from: /^preload\//, forbids: /^main\// },
  { rule: 'hardware never imports the domains', from: /^main\/hardware\//, forbids: /^main\/(?!hardware\/|money\/|common\/|log\.ts$)/ },
  { rule: "providers' protocol code never imports the domains", from: /^main\/providers\//, forbids: /^main\/(?!providers\/|money\/|common\/|log\.ts$)/ },
  { rule: 'the ledger never imports the domains', from: /^main\/ledger\//, forbids: /^main\/(?!ledger\/|common\/|journal-chain\/)/ },
  { rule: 'money, codecs and receipt layout do no I/O', from: PURE, forbids: new RegExp(`${IO.source}|^main\\/(ledger|host|ipc)\\/`) },
  { rule: 'ipc holds no SQL', from: /^main\/ipc\//, forbids: /^main\/ledger\/statements\.ts$|^better-sqlite3$/ },
  { rule: 'nothing imports host/', from: /^(main\/(?!host\/|electron-main\.ts$|web-main\.ts$)|preload\/|renderer\/)/, forbids: /^main\/host\// },
  // HQ is another program on another machine: it shares the contract and pure code (money, the
  // journal's canonical JSON and hash chain), never the register's ledger, domains or SQLite.
  {
    rule: "HQ never imports the register's ledger or domains",
    from: /^hq\//,
    forbids: /^main\/(?!money\/|journal-chain\/|business-day\/)|^better-sqlite3$|^electron(\/|$)/,
  },
  { rule: 'the register never imports HQ', from: /^(main|preload|renderer)\//, forbids: /^hq\// },
  { rule: 'only the shell imports electron', from: /^(main\/(?!host\/electron(-[a-z-]+)?\.ts$)|renderer\/)/, forbids: /^electron(\/|$)/, typesAllowed: true },
];

const repo = join(__dirname, '..', '..');
const edges = importGraph(repo, ['main', 'preload', 'renderer/src', 'hq']);

function violations(rule: LayerRule, graph: readonly ImportEdge[]): string[] {
  return graph
    .filter((e) => rule.from.test(e.from) && rule.forbids.test(e.to) && !(rule.typesAllowed && e.typeOnly))
    .map((e) => `${rule.rule}: ${e.from}:${e.line} imports ${e.to}`);
}

describe('layer rules', () => {
  it('reads the whole tree', () => {
    const files = new Set(edges.map((e) => e.from));
    for (const f of ['main/host/electron.ts', 'main/ipc/router.ts', 'main/documents/complete-document.ts', 'renderer/src/App.tsx', 'preload/index.ts'])
      expect(files.has(f), f).toBe(true);
    expect(edges.filter((e) => e.to.startsWith('unresolved:'))).toEqual([]);
  });

  it.each(layerRules)('$rule', (rule) => {
    expect(violations(rule, edges)).toEqual([]);
  });

  it('has no import cycles, type-only imports included', () => {
    expect(importCycles(edges)).toEqual([]);
  });

  it('each rule catches what it must (checked on made-up edges)', () => {
    const edge = (from: string, to: string, typeOnly = false): ImportEdge => ({ from, to, typeOnly, line: 1 });
    const caught: [string, ImportEdge][] = [
      ['the renderer never imports main', edge('renderer/src/App.tsx', 'main/register.ts', true)],
      ['hardware never imports the domains', edge('main/hardware/hardware-status.ts', 'main/printing/printer-runtime.ts')],
      ['the ledger never imports the domains', edge('main/ledger/journal.ts', 'main/sale/sale.ts')],
      ["providers' protocol code never imports the domains", edge('main/providers/wechat/wechat-client.ts', 'main/scan-pay/scan-payment.ts')],
      ['money, codecs and receipt layout do no I/O', edge('main/providers/wechat/wechat-sign.ts', 'node:http')],
      ['money, codecs and receipt layout do no I/O', edge('main/money/sale-totals.ts', 'node:fs')],
      ['money, codecs and receipt layout do no I/O', edge('main/hardware/terminal/bcd.ts', 'serialport')],
      ['ipc holds no SQL', edge('main/ipc/router.ts', 'main/ledger/statements.ts')],
      ["HQ never imports the register's ledger or domains", edge('hq/ingest/ingest.ts', 'main/ledger/journal.ts')],
      ["HQ never imports the register's ledger or domains", edge('hq/ingest/ingest.ts', 'main/documents/complete-document.ts', true)],
      ["HQ never imports the register's ledger or domains", edge('hq/db/pool.ts', 'better-sqlite3')],
      ['the register never imports HQ', edge('main/sync/uploader.ts', 'hq/ingest/ingest.ts')],
      ['money, codecs and receipt layout do no I/O', edge('main/journal-chain/chain.ts', 'main/ledger/db.ts')],
      ['nothing imports host/', edge('main/register.ts', 'main/host/web.ts')],
      ['only the shell imports electron', edge('main/register.ts', 'electron')],
    ];
    for (const [name, bad] of caught) {
      const rule = layerRules.find((r) => r.rule === name);
      expect(rule && violations(rule, [bad]), `${name} on ${bad.from} -> ${bad.to}`).toHaveLength(1);
    }
    const electron = layerRules.find((r) => r.rule === 'only the shell imports electron');
    expect(
      electron && violations(electron, [edge('main/host/electron-policy/csp.ts', 'electron', true), edge('main/host/electron-ipc.ts', 'electron')]),
    ).toEqual([]);
    expect(importCycles([edge('main/a.ts', 'main/b.ts', true), edge('main/b.ts', 'main/a.ts')])).toEqual([['main/a.ts', 'main/b.ts']]);
  });

  it('the parser sees every import form, and knows type-only ones', () => {
    const value = (text: string) => specifiersIn(text).map((s) => [s.specifier, s.typeOnly]);
    for (const text of [
      "import { app } from 'electron';",
      'import electron from "electron";',
      "const e = require('electron');",
      "import 'electron';",
      "export { app } from 'electron';",
      "const m = await import('electron');",
      "import {\n  app,\n  BrowserWindow,\n} from 'electron';",
    ])
      expect(value(text), text).toEqual([['electron', false]]);
    for (const text of ["import type { App } from 'electron';", "export type { App } from 'electron';", "export type * from 'electron';"])
      expect(value(text), text).toEqual([['electron', true]]);
    expect(value("// import { app } from 'electron';\nconst x = 'import y from \"z\"';")).toEqual([]);
    const forms = edges.filter((e) => e.to === 'electron');
    expect(forms.some((e) => e.from === 'main/host/electron.ts' && !e.typeOnly)).toBe(true);
    expect(forms.some((e) => e.from.startsWith('main/host/electron-policy/') && e.typeOnly)).toBe(true);
  });
});
