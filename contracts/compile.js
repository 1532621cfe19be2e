#!/usr/bin/env node
// Compiles src/MetaPass.sol with the pinned solc-js (standard JSON) and writes
// <outDir>/MetaPass.json in solc's --combined-json format, which abigen reads.
//
// Usage: node compile.js [outDir]   (outDir defaults to contracts/build)
//
// The output is deterministic: fixed compiler settings, no metadata hash in the
// bytecode, source paths relative to this directory, and stable JSON formatting.
'use strict';

const fs = require('fs');
const path = require('path');
const solc = require('solc');

const ROOT = __dirname;
const SOURCE = 'src/MetaPass.sol';
const CONTRACT = 'MetaPass';
const outDir = path.resolve(process.argv[2] || path.join(ROOT, 'build'));

// Resolves imports: "@openzeppelin/..." from node_modules, anything else from this directory.
function findImports(importPath) {
  const base = importPath.startsWith('@openzeppelin/') ? path.join(ROOT, 'node_modules') : ROOT;
  const file = path.join(base, importPath);
  if (!file.startsWith(base + path.sep)) return { error: `import outside ${base}: ${importPath}` };
  try {
    return { contents: fs.readFileSync(file, 'utf8') };
  } catch (err) {
    return { error: `cannot read ${importPath}: ${err.message}` };
  }
}

const input = {
  language: 'Solidity',
  sources: { [SOURCE]: { content: fs.readFileSync(path.join(ROOT, SOURCE), 'utf8') } },
  settings: {
    optimizer: { enabled: true, runs: 200 },
    evmVersion: 'cancun',
    metadata: { bytecodeHash: 'none' },
    outputSelection: { [SOURCE]: { [CONTRACT]: ['abi', 'evm.bytecode.object'] } },
  },
};

const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));

let failed = false;
for (const e of output.errors || []) {
  process.stderr.write((e.formattedMessage || e.message) + '\n');
  if (e.severity === 'error') failed = true;
}
if (failed) process.exit(1);

const compiled = output.contracts && output.contracts[SOURCE] && output.contracts[SOURCE][CONTRACT];
if (!compiled || !compiled.evm.bytecode.object) {
  process.stderr.write(`compile.js: no bytecode for ${SOURCE}:${CONTRACT}\n`);
  process.exit(1);
}

const combined = {
  contracts: {
    [`${SOURCE}:${CONTRACT}`]: { abi: compiled.abi, bin: compiled.evm.bytecode.object },
  },
  version: solc.version(),
};

fs.mkdirSync(outDir, { recursive: true });
const outFile = path.join(outDir, `${CONTRACT}.json`);
fs.writeFileSync(outFile, JSON.stringify(combined, null, 2) + '\n');
process.stdout.write(`wrote ${path.relative(process.cwd(), outFile) || outFile} (solc ${solc.version()})\n`);
