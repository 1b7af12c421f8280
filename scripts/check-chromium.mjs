// Before the end-to-end tests: make sure a Chromium is there, or say in one line how to get one.
import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium-path.mjs';

const path = chromiumPath();
if (path && existsSync(path)) process.exit(0);
console.error(
  path
    ? `e2e: no Chromium at CHROMIUM_PATH=${path}; point CHROMIUM_PATH at a Chromium or Chrome executable.`
    : 'e2e: no Chromium found; install one (Debian/Ubuntu: `sudo apt-get install chromium`) or run `npx playwright install chromium`, or set CHROMIUM_PATH.',
);
process.exit(1);
