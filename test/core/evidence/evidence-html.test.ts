import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { renderEvidenceHtml } from '../../../lib/core/evidence/evidence-html';
import { EVIDENCE_FILES } from '../../../lib/synth/deployment-evidence';
import estate from '../../../examples/estate/definition';
import platform from '../../../examples/platform/definition';
import { openChromium } from './chromium';
import { evidenceOfDocuments } from '../../../lib/core/evidence/document-evidence';
import { hardenedPayload } from '../../support/misconfiguration-corpus';

let browser: Awaited<ReturnType<typeof openChromium>>;
let dir: string;
beforeAll(async () => {
  browser = await openChromium();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secure-aks-report-'));
}, 60_000);
afterAll(async () => {
  await browser?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Opens a report from a file as a person would, recording every request and console error. */
async function open(html: string, name: string) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, html);
  const page = await browser.context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: 'load' });
  // Only the report itself is loaded: no other file, and no host.
  return { page, requests: () => requests.filter((r) => r !== url), errors };
}

/** What the print check reads of the page, inside `page.evaluate` (the tests are compiled without the DOM library). */
interface PageElement {
  readonly tagName: string;
  readonly className: unknown;
  readonly textContent: string | null;
  readonly scrollWidth: number;
  readonly clientWidth: number;
  getBoundingClientRect(): { readonly right: number };
}
declare const document: { readonly documentElement: { readonly scrollWidth: number }; querySelectorAll(selector: string): Iterable<PageElement> };
declare function getComputedStyle(e: PageElement): { readonly breakInside: string; readonly display: string };

/** The printable width of an A4 page with the report's 14 mm margins, in CSS pixels (96 per inch). */
const A4_PRINTABLE_WIDTH = Math.floor(((210 - 2 * 14) / 25.4) * 96);

/**
 * What would print badly, with print styles applied at an A4 page's printable width: a table,
 * diagram, code or heading wider than the page (the part beyond it is cut off), a table row or
 * diagram that may break across pages, and an element meant for the screen only that is shown.
 */
async function printLayoutProblems(page: Awaited<ReturnType<typeof open>>['page']): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: A4_PRINTABLE_WIDTH, height: 1200 });
  const problems = await page.evaluate((pageWidth) => {
    const out: string[] = [];
    const name = (e: PageElement) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ').join('.')}` : ''}: ${(e.textContent ?? '').trim().slice(0, 60)}`;
    if (document.documentElement.scrollWidth > pageWidth) out.push(`the page is ${document.documentElement.scrollWidth}px wide`);
    for (const e of document.querySelectorAll('table, svg.diagram, pre, code, h1, h2, h3, h4, p, li')) {
      const box = e.getBoundingClientRect();
      if (box.right > pageWidth + 1) out.push(`wider than the page (${Math.round(box.right)}px): ${name(e)}`);
      if (e.tagName === 'TABLE' && e.scrollWidth > e.clientWidth + 1) out.push(`overflows its box: ${name(e)}`);
    }
    for (const e of document.querySelectorAll('tr, svg.diagram')) {
      if (getComputedStyle(e).breakInside !== 'avoid') out.push(`may break across pages: ${name(e)}`);
    }
    for (const e of document.querySelectorAll('nav, [data-screen-only], button, input, form')) {
      if (getComputedStyle(e).display !== 'none') out.push(`meant for the screen, printed: ${name(e)}`);
    }
    return out;
  }, A4_PRINTABLE_WIDTH);
  await page.emulateMedia({ media: 'screen' });
  return problems;
}

test.each([
  ['platform', platform, 1 + 2 + 1, ['cluster payments-client', 'cluster ledger-server', 'link platform']],
  ['estate', estate, 1 + 4 + 4, ['estate hub-vnet', 'cluster payments', 'cluster reporting', 'link reporting-ledger']],
] as const)('the %s example\'s report opens in Chromium: no request, no console error, diagrams drawn, a row for every finding, a PDF', async (name, target, diagramCount, subjects) => {
  const files = target.artifacts();
  const html = files[EVIDENCE_FILES.html];
  const { page, requests, errors } = await open(html, `${name}.html`);
  // Every finding of the deployment has its row: the findings of the OSCAL file written beside the report, by rule and subject.
  const oscal = JSON.parse(files[EVIDENCE_FILES.oscal]);
  const propOf = (f: { props: Array<{ name: string; value: string }> }, name: string) => f.props.find((p) => p.name === name)!.value;
  const expected = oscal['assessment-results'].results[0].findings.map((f: { props: Array<{ name: string; value: string }> }) => `${propOf(f, 'control-id')}@${propOf(f, 'subject')}`);
  const keys = await page.$$eval('tr[data-finding]', (rows) => rows.map((r) => r.getAttribute('data-finding')));
  expect(expected.length).toBeGreaterThan(100);
  expect([...keys].sort()).toEqual([...expected].sort());
  // Every subject has its section.
  for (const subject of subjects) expect(await page.locator('h3', { hasText: new RegExp(`^${subject}$`) }).count()).toBe(1);
  // The deployment, each link's three segments and each API server's paths are drawn, with a size.
  const diagrams = await page.locator('svg.diagram').all();
  // The deployment, each API server's paths, each service of each link.
  expect(diagrams.length).toBe(diagramCount);
  for (const d of diagrams) {
    const box = await d.boundingBox();
    expect(box?.width).toBeGreaterThan(0);
    expect(box?.height).toBeGreaterThan(0);
  }
  // It prints cleanly: on an A4 page's printable width, nothing is wider than the page, no row is split across pages, nothing only for the screen is shown.
  expect(await printLayoutProblems(page)).toEqual([]);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(10_000);
  expect(requests()).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
}, 120_000);

test('a resource name written to attack the page is shown as text: nothing runs, nothing is requested', async () => {
  const hostile = `c1"><img src="https://example.invalid/x.png" onerror="console.error('xss')"><script>console.error('xss')</script>`;
  const payload = { ...hardenedPayload(), name: hostile };
  const pack = evidenceOfDocuments([{ name: 'hostile <b>.json', text: JSON.stringify(payload, null, 2) }], { title: `audit of ${hostile}`, evaluatedAt: '2026-12-07', toolVersion: '0.0.0', origin: 'audit' });
  const html = renderEvidenceHtml(pack);
  expect(html).not.toContain('<img src="https://example.invalid');
  expect(html).not.toContain("<script>console.error('xss')");
  const { page, requests, errors } = await open(html, 'hostile.html');
  expect(await page.locator('h1').innerText()).toContain('<img src=');
  expect(await page.locator('img, script').count()).toBe(0);
  expect(requests()).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
}, 60_000);

test('control: the same listeners see a request and a console error when a page does make them', async () => {
  // Without this, "no request" could pass because nothing is listened to.
  const { page, requests, errors } = await open('<!DOCTYPE html><html><body><img src="http://127.0.0.1:9/x.png"><script>console.error("seen")</script></body></html>', 'control.html');
  await page.waitForTimeout(200);
  expect(requests()).toContain('http://127.0.0.1:9/x.png');
  expect(errors).toContain('seen');
  await page.close();
}, 60_000);
