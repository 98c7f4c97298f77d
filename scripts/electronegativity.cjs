#!/usr/bin/env node
// Runs Electronegativity on the Electron sources (main/ and preload/ together, as one app) and
// fails on any finding that is not in security/electronegativity-allow.json. Electronegativity
// itself always exits 0, so the gate is this script reading its SARIF.
//
//   node scripts/electronegativity.cjs [--input DIR]... [--allow FILE] [--sarif FILE]
'use strict';
const { spawnSync } = require('node:child_process');
const { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { basename, join, resolve } = require('node:path');

const root = join(__dirname, '..');

function parseArgs(argv) {
  const options = { inputs: [], allow: join(root, 'security', 'electronegativity-allow.json'), sarif: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => {
      const value = argv[++i];
      if (value === undefined) throw new Error(`${arg} needs a value`);
      return value;
    };
    if (arg === '--input') options.inputs.push(resolve(next()));
    else if (arg === '--allow') options.allow = resolve(next());
    else if (arg === '--sarif') options.sarif = resolve(next());
    else throw new Error(`unknown argument ${arg}`);
  }
  if (options.inputs.length === 0) options.inputs = [join(root, 'main'), join(root, 'preload')];
  return options;
}

/** { ruleId, file (null for global checks), line, message } from a SARIF 2.1 report. */
function findingsFrom(sarif) {
  const findings = [];
  for (const run of sarif.runs || []) {
    for (const result of run.results || []) {
      const location = (result.locations || [])[0];
      const uri = location && location.physicalLocation && location.physicalLocation.artifactLocation ? location.physicalLocation.artifactLocation.uri : null;
      const global = !uri || uri.startsWith('file:///') || uri === 'N/A';
      findings.push({
        ruleId: result.ruleId,
        file: global ? null : uri.replace(/\\/g, '/'),
        line: global ? null : (location.physicalLocation.region && location.physicalLocation.region.startLine) || null,
        message: (result.message && result.message.text) || '',
      });
    }
  }
  return findings;
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  const allowList = JSON.parse(readFileSync(options.allow, 'utf8')).allow;
  for (const entry of allowList) {
    if (typeof entry.ruleId !== 'string' || !('file' in entry) || typeof entry.reason !== 'string' || entry.reason.length < 20) {
      throw new Error(`allow-list entry without ruleId, file and a real reason: ${JSON.stringify(entry)}`);
    }
  }

  // One input folder holding main/ and preload/ side by side, so global checks (navigation
  // limits, permission handler) see the whole app and file paths read main/..., preload/....
  const work = mkdtempSync(join(tmpdir(), 'ringup-electronegativity-'));
  try {
    const input = join(work, 'src');
    for (const dir of options.inputs) cpSync(dir, join(input, basename(dir)), { recursive: true });
    const sarifFile = join(work, 'report.sarif');
    const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json', { paths: [root] }), 'utf8')).version;
    const cli = require.resolve('@doyensec/electronegativity/dist/index.js', { paths: [root] });
    // AvailableSecurityFixesGlobalCheck downloads Electron's release list from GitHub: offline (our CI)
    // its HTTP client crashed the run now and then. Keeping Electron current is Dependabot's job.
    const args = [
      '--require',
      join(__dirname, 'electronegativity-offline.cjs'),
      cli,
      '-i',
      input,
      '-r',
      '-o',
      sarifFile,
      '-e',
      electronVersion,
      '-x',
      'AvailableSecurityFixesGlobalCheck',
    ];
    const run = spawnSync(process.execPath, args, {
      cwd: work,
      encoding: 'utf8',
      timeout: 5 * 60 * 1000,
    });
    if (!existsSync(sarifFile)) {
      console.error(`electronegativity produced no report (exit ${run.status}):\n${run.stderr || run.stdout}`);
      return 2;
    }
    const sarifText = readFileSync(sarifFile, 'utf8');
    if (options.sarif) writeFileSync(options.sarif, sarifText);
    const findings = findingsFrom(JSON.parse(sarifText));

    const matches = (entry, finding) => entry.ruleId === finding.ruleId && entry.file === finding.file;
    const unexpected = findings.filter((f) => !allowList.some((entry) => matches(entry, f)));
    const stale = allowList.filter((entry) => !findings.some((f) => matches(entry, f)));

    for (const f of findings) {
      const mark = unexpected.includes(f) ? 'FAIL ' : 'allow';
      console.log(`${mark} ${f.ruleId} ${f.file === null ? '(global)' : `${f.file}:${f.line}`}`);
    }
    if (unexpected.length > 0) {
      console.error(`\nelectronegativity: ${unexpected.length} finding(s) not in ${options.allow}:`);
      for (const f of unexpected) console.error(`  ${f.ruleId} ${f.file === null ? '(global)' : `${f.file}:${f.line}`}: ${f.message}`);
      console.error('Fix them, or add an entry with a reason if the finding is a false positive.');
    }
    if (stale.length > 0) {
      console.error(`\nelectronegativity: allow-list entries that match no finding (remove them):`);
      for (const e of stale) console.error(`  ${e.ruleId} ${e.file === null ? '(global)' : e.file}`);
    }
    if (unexpected.length > 0 || stale.length > 0) return 1;
    console.log(`electronegativity: ${findings.length} finding(s), all allow-listed with reasons.`);
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`electronegativity: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
