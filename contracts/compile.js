#!/usr/bin/env node
// Compiles every contract listed in a manifest (artifacts.json unless given)
// with the pinned solc-js (standard JSON) and writes <outDir>/<Contract>.json
// for each, in solc's --combined-json format, which abigen reads.
//
// Usage: node compile.js [outDir [manifest]]
//   outDir defaults to contracts/build; manifest is a JSON array of
//   {"source", "contract"} (artifacts.json's shape), sources relative to this
//   directory. `make gas` passes its own, which lists the reference contracts.
//
// Each source file is compiled on its own, with the same settings, so adding a
// contract never changes another one's bytecode. The output is deterministic:
// fixed compiler settings, no metadata hash in the bytecode, source paths
// relative to this directory, and stable JSON formatting.
'use strict';

const fs = require('fs');
const path = require('path');
const solc = require('solc');

const ROOT = __dirname;
const outDir = path.resolve(process.argv[2] || path.join(ROOT, 'build'));
const MANIFEST = JSON.parse(fs.readFileSync(path.resolve(process.argv[3] || path.join(ROOT, 'artifacts.json')), 'utf8'));

// npm packages whose sources contracts import.
const PACKAGES = ['@openzeppelin/', 'erc721a/', 'solady/'];

// Resolves imports: the npm packages above from node_modules, anything else from this directory.
function findImports(importPath) {
  const base = PACKAGES.some((p) => importPath.startsWith(p)) ? path.join(ROOT, 'node_modules') : ROOT;
  const file = path.join(base, importPath);
  if (!file.startsWith(base + path.sep)) return { error: `import outside ${base}: ${importPath}` };
  try {
    return { contents: fs.readFileSync(file, 'utf8') };
  } catch (err) {
    return { error: `cannot read ${importPath}: ${err.message}` };
  }
}

// Compiles one source file and returns its compiled contracts by name.
function compile(source, contracts) {
  const input = {
    language: 'Solidity',
    sources: { [source]: { content: fs.readFileSync(path.join(ROOT, source), 'utf8') } },
    settings: {
      optimizer: { enabled: true, runs: 200 },
      evmVersion: 'cancun',
      metadata: { bytecodeHash: 'none' },
      outputSelection: { [source]: Object.fromEntries(contracts.map((c) => [c, ['abi', 'evm.bytecode.object']])) },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
  let failed = false;
  for (const e of output.errors || []) {
    process.stderr.write((e.formattedMessage || e.message) + '\n');
    if (e.severity === 'error') failed = true;
  }
  if (failed) process.exit(1);
  return (output.contracts && output.contracts[source]) || {};
}

const bySource = new Map();
for (const { source, contract } of MANIFEST) {
  if (!bySource.has(source)) bySource.set(source, []);
  bySource.get(source).push(contract);
}

fs.mkdirSync(outDir, { recursive: true });
for (const [source, contracts] of bySource) {
  const compiled = compile(source, contracts);
  for (const contract of contracts) {
    const c = compiled[contract];
    if (!c || !c.evm.bytecode.object) {
      process.stderr.write(`compile.js: no bytecode for ${source}:${contract}\n`);
      process.exit(1);
    }
    const combined = {
      contracts: {
        [`${source}:${contract}`]: { abi: c.abi, bin: c.evm.bytecode.object },
      },
      version: solc.version(),
    };
    const outFile = path.join(outDir, `${contract}.json`);
    fs.writeFileSync(outFile, JSON.stringify(combined, null, 2) + '\n');
    process.stdout.write(`wrote ${path.relative(process.cwd(), outFile) || outFile} (solc ${solc.version()})\n`);
  }
}
