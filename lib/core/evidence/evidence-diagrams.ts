import { escapeHtml } from './html-escape';
import { EvidenceLink, EvidencePack, EvidenceReachability } from './evidence-pack';

/** A box of a diagram: its label and, where it says one, its verdict's colour class. */
interface Box {
  readonly label: string;
  readonly tone?: 'ok' | 'bad' | 'unknown';
}

const BOX_WIDTH = 200;
/** The height between two links' arcs. */
const ARC_STEP = 28;
const BOX_HEIGHT = 46;
const GAP = 70;
const FONT = 12;

/**
 * The deployment's subjects drawn from the pack: every cluster as a box
 * (its API server's reachability as its tone), every link as an arrow from
 * its client to its server, the estate around them.
 */
export function deploymentDiagram(pack: EvidencePack): string {
  const clusters = pack.subjects.filter((s) => s.kind === 'cluster');
  const reach = new Map(pack.reachability.map((r) => [r.subject, r]));
  // Links are arcs above the row of clusters, one level per link, so no arc crosses a box or another's label.
  const arcSpace = pack.links.length * ARC_STEP + (pack.links.length > 0 ? 20 : 0);
  const top = 40 + arcSpace;
  const width = Math.max(1, clusters.length) * (BOX_WIDTH + GAP) + GAP;
  const height = top + BOX_HEIGHT + 40;
  const x = new Map(clusters.map((c, i) => [c.name, GAP + i * (BOX_WIDTH + GAP)]));
  const parts: string[] = [];
  const estate = pack.subjects.find((s) => s.kind === 'estate');
  if (estate) parts.push(`<rect class="frame" x="8" y="8" width="${width - 16}" height="${height - 16}" rx="10"/>`, text(16, 26, `estate ${estate.name}`, 'start'));
  pack.links.forEach((link, i) => {
    const from = x.get(link.client);
    const to = x.get(link.server);
    if (from === undefined || to === undefined) return;
    const x1 = from + BOX_WIDTH / 2 + (from < to ? 12 : -12);
    const x2 = to + BOX_WIDTH / 2 + (from < to ? -12 : 12);
    const apex = top - 20 - (pack.links.length - 1 - i) * ARC_STEP;
    const control = 2 * apex - top;
    parts.push(`<path class="edge" fill="none" d="M${x1},${top} Q${(x1 + x2) / 2},${control} ${x2},${top}" marker-end="url(#arrow)"/>`);
    parts.push(text((x1 + x2) / 2, apex - 4, `${link.subject.replace(/^link:/, '')}: mutual TLS`, 'middle'));
  });
  for (const c of clusters) {
    const cx = x.get(c.name)!;
    const r = reach.get(c.key);
    parts.push(box(cx, top, { label: c.name, tone: r ? reachTone(r) : undefined }));
    if (r) parts.push(text(cx + BOX_WIDTH / 2, top + BOX_HEIGHT + 16, `API server: ${r.verdict.replace(/-/g, ' ')}`, 'middle'));
  }
  return svg(width, height, `The deployment: ${clusters.length} cluster(s), ${pack.links.length} link(s)`, parts);
}

/** One service of a link: client pod, egress gateway, ingress gateway, backend, and the CA of each of the three segments. */
export function linkDiagram(link: EvidenceLink, service: EvidenceLink['services'][number]): string {
  const boxes: Box[] = [
    { label: `client pod (${link.client})` },
    { label: `egress gateway (${link.client})` },
    { label: `ingress gateway (${link.server})` },
    { label: `backend (${link.server})` },
  ];
  const y = 40;
  const parts = boxes.map((b, i) => box(GAP / 2 + i * (BOX_WIDTH + GAP), y, b));
  service.segments.forEach((s, i) => {
    const x1 = GAP / 2 + i * (BOX_WIDTH + GAP) + BOX_WIDTH;
    const x2 = x1 + GAP;
    parts.push(`<line class="edge${s.caveat ? ' caveat' : ''}" x1="${x1}" y1="${y + BOX_HEIGHT / 2}" x2="${x2}" y2="${y + BOX_HEIGHT / 2}" marker-end="url(#arrow)"/>`);
    parts.push(text((x1 + x2) / 2, y - 14, `${i + 1}. ${s.ca}`, 'middle'));
  });
  const width = boxes.length * BOX_WIDTH + (boxes.length - 1) * GAP + GAP;
  return svg(width, y + BOX_HEIGHT + 24, `Service ${service.name}: three encrypted segments`, parts);
}

/** Every path to one API server: where it starts (the internet or a network) and whether it reaches from the internet. */
export function reachabilityDiagram(r: EvidenceReachability, cluster: string): string {
  const rowHeight = BOX_HEIGHT + 18;
  const height = Math.max(1, r.paths.length) * rowHeight + 30;
  const target = { x: 2 * BOX_WIDTH + 2 * GAP, y: height / 2 - BOX_HEIGHT / 2 };
  const parts = [box(target.x, target.y, { label: `API server of ${cluster}`, tone: reachTone(r) })];
  r.paths.forEach((p, i) => {
    const y = 15 + i * rowHeight;
    const tone = p.fromInternet === true ? 'bad' : p.fromInternet === false ? 'ok' : 'unknown';
    parts.push(box(GAP / 2, y, { label: p.from, tone }));
    parts.push(`<line class="edge ${tone}" x1="${GAP / 2 + BOX_WIDTH}" y1="${y + BOX_HEIGHT / 2}" x2="${target.x}" y2="${target.y + BOX_HEIGHT / 2}" marker-end="url(#arrow)"/>`);
    parts.push(text(GAP / 2 + BOX_WIDTH + 8, y + BOX_HEIGHT / 2 - 6, p.kind, 'start'));
  });
  if (r.paths.length === 0) parts.push(text(GAP / 2, height / 2, 'no path was found', 'start'));
  return svg(target.x + BOX_WIDTH + GAP / 2, height, `Paths to the API server of ${cluster}: ${r.verdict.replace(/-/g, ' ')}`, parts);
}

function reachTone(r: EvidenceReachability): Box['tone'] {
  return r.verdict === 'no-path-from-internet' ? 'ok' : r.verdict === 'reachable-from-internet' ? 'bad' : 'unknown';
}

function box(x: number, y: number, b: Box): string {
  const label = b.label.length > 27 ? `${b.label.slice(0, 26)}…` : b.label;
  return `<g><title>${escapeHtml(b.label)}</title><rect class="box${b.tone ? ` ${b.tone}` : ''}" x="${x}" y="${y}" width="${BOX_WIDTH}" height="${BOX_HEIGHT}" rx="6"/>${text(x + BOX_WIDTH / 2, y + BOX_HEIGHT / 2 + FONT / 3, label, 'middle')}</g>`;
}

function text(x: number, y: number, content: string, anchor: 'start' | 'middle'): string {
  return `<text x="${x}" y="${y}" font-size="${FONT}" text-anchor="${anchor}">${escapeHtml(content)}</text>`;
}

/** The arrow head every diagram's edges end with: defined once per page, in an SVG of no size. */
export const DIAGRAM_DEFINITIONS =
  '<svg width="0" height="0" style="position:absolute" aria-hidden="true" xmlns="http://www.w3.org/2000/svg"><defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs></svg>';

/** An inline SVG with its accessible name, drawn to scale in the page and on paper. */
function svg(width: number, height: number, label: string, parts: readonly string[]): string {
  return [
    `<svg class="diagram" role="img" aria-label="${escapeHtml(label)}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    ...parts,
    '</svg>',
  ].join('');
}
