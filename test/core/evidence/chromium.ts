import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BrowserContext, chromium } from 'playwright-core';

/**
 * Debian's Chromium, which .ci/run installs (`apt-get install chromium`). The
 * report's test needs a real browser: without one it fails, on every machine,
 * rather than skipping and passing unseen. SECURE_AKS_CHROMIUM names another
 * Chromium binary (macOS, another distribution).
 */
export const CHROMIUM = process.env.SECURE_AKS_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Flags that keep Chromium from reaching any host on its own (component
 * updates, sync, field trials, the QUIC probe), so that a request seen by the
 * test is one the page made.
 * @see https://peter.sh/experiments/chromium-command-line-switches/
 */
const QUIET = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Opens a fresh headless Chromium with its own temporary profile; `close` removes both. */
export async function openChromium(): Promise<{ readonly context: BrowserContext; close(): Promise<void> }> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install -y --no-install-recommends chromium, as .ci/run does) or set SECURE_AKS_CHROMIUM`);
  }
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-aks-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: QUIET });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
