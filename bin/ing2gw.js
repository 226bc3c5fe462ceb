#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run by `npm ci` through `prepare`).
// `--version` is answered here, before any module loads, so that it costs no more than starting Node.
// The CLI runs from one bundled file (dist/cli.mjs): loading one module instead of a hundred
// halves the start-up time.
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${version}\n`);
} else {
  // The yaml parser reads process.env.LOG_TOKENS once per token, and every read of the real
  // process.env is a call into the C library (about 15% of parsing a large input). A plain copy
  // answers the same, for free; this process changes no variables and starts no children that
  // would need the live table.
  process.env = { ...process.env };
  const { main } = await import('../dist/cli.mjs');
  process.exitCode = await main(process.argv, version);
}
