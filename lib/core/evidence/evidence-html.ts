import { counted } from '../reports/counted';
import { FLOW_LABELS, STATUS_MARK, TrafficFlow } from '../encryption/encryption-coverage';
import { DIAGRAM_DEFINITIONS, deploymentDiagram, linkDiagram, reachabilityDiagram } from './evidence-diagrams';
import { EvidenceFinding, EvidencePack, ObservedFact } from './evidence-pack';
import { escapeHtml, htmlLink } from './html-escape';

/**
 * The page's only policy: nothing is fetched (no script, image, font or
 * frame from any host), inline styles only. A report opened from a disk or
 * an archive makes no request.
 * @see https://developer.mozilla.org/docs/Web/HTTP/Headers/Content-Security-Policy
 */
const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const STYLE = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1a1a1a; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #ccc; } h3 { margin-top: 1.4rem; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; }
th, td { border: 1px solid #ccc; padding: .3rem .45rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f2f2f2; }
code { font: 12px/1.35 ui-monospace, monospace; word-break: break-all; }
.verdict { font-weight: 600; white-space: nowrap; }
.pass, .ok { color: #1b5e20; } .fail, .bad { color: #b71c1c; } .undecided, .unknown { color: #6d4c00; }
.facts { margin: 0; padding-left: 1rem; }
.diagram { display: block; max-width: 100%; height: auto; margin: .6rem 0; }
.diagram .box { fill: #fafafa; stroke: #555; } .diagram .box.ok { stroke: #1b5e20; stroke-width: 2; }
.diagram .box.bad { stroke: #b71c1c; stroke-width: 2; } .diagram .box.unknown { stroke: #8d6e00; stroke-dasharray: 4 3; stroke-width: 2; }
.diagram .frame { fill: none; stroke: #999; stroke-dasharray: 6 4; }
.diagram .edge { stroke: #333; stroke-width: 1.5; } .diagram .edge.bad { stroke: #b71c1c; } .diagram .edge.caveat, .diagram .edge.unknown { stroke-dasharray: 5 3; }
.diagram text { fill: #1a1a1a; font-family: system-ui, sans-serif; }
.note { color: #555; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { break-before: page; } h2.first { break-before: auto; }
  tr, .diagram { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  a[href]::after { content: " (" attr(href) ")"; font-size: 8pt; color: #555; }
}
@page { size: A4; margin: 14mm; }
`;

/**
 * The evidence pack as one self-contained HTML page: inline CSS and inline
 * SVG only, no script, and a content security policy that forbids fetching
 * anything, so it opens offline and prints to PDF as shown. It holds the
 * verdicts by framework and control, every finding of every subject with the
 * facts it rests on (file, JSON pointer, line, or the definition's property)
 * and the command that re-checks each on the live system, the reasons of
 * every acknowledgement and opt-out, the encryption coverage matrix, each API
 * server's reachability, and diagrams drawn from the pack. Every value is
 * escaped.
 * @category Evidence
 */
export function renderEvidenceHtml(pack: EvidencePack): string {
  const subjects = new Map(pack.subjects.map((s) => [s.key, s]));
  const subjectName = (key: string) => subjects.get(key)?.name ?? key;
  const count = (v: string) => pack.findings.filter((f) => f.verdict === v).length;
  // Each subject's findings, in the pack's order, grouped once (an estate has thousands of subjects and findings).
  const findingsOf = new Map<string, EvidenceFinding[]>(pack.subjects.map((s) => [s.key, []]));
  for (const f of pack.findings) findingsOf.get(f.subject)?.push(f);
  const body = [
    `<h1>Evidence: ${escapeHtml(pack.title)}</h1>`,
    `<p>Evaluated on <time datetime="${escapeHtml(pack.evaluatedAt)}">${escapeHtml(pack.evaluatedAt)}</time> by secure-aks ${escapeHtml(pack.toolVersion)}, ${pack.origin === 'synth' ? 'on the deployment its definition synthesizes (the templates beside this report)' : 'on the documents audited'}.
      ${counted(pack.findings.length, 'finding')}: <span class="pass">${count('pass')} pass</span>, <span class="fail">${count('fail')} fail</span>, <span class="undecided">${count('undecided')} undecided</span>.
      A rule is undecided when a value it needs is not known or a resource it needs was not read: it is never counted as passing.</p>`,
    '<h2 class="first">The deployment</h2>',
    deploymentDiagram(pack),
    table(['Subject', 'Kind', 'Source', 'Pass', 'Fail', 'Undecided'], pack.subjects.map((s) => {
      const of = findingsOf.get(s.key)!;
      return [escapeHtml(s.name), s.kind, escapeHtml(s.source), ...['pass', 'fail', 'undecided'].map((v) => String(of.filter((f) => f.verdict === v).length))];
    })),
    ...byFramework(pack, subjectName),
    '<h2>Findings by subject</h2>',
    '<p class="note">Each fact is given where it was read and with the command that prints it on the live system: <code>az resource show</code> for an Azure resource, a cluster included (its query is the REST path, at the API version read), the Azure CLI\'s list commands for zone links, peerings and federated credentials, <code>az k8s-extension show</code> for the Flux extension, <code>kubectl get</code> for a Kubernetes object. Where the input does not give the resource group (or the name), set <code>RESOURCE_GROUP</code> (and <code>RESOURCE_NAME</code>) in your shell first.</p>',
    ...pack.subjects.flatMap((s) => {
      const rows = findingsOf.get(s.key)!;
      const note = s.kind === 'cluster' ? '' : `<p class="note">The ${s.kind}'s definition was validated whole, and an error would have stopped the synthesis: each rule its validation checked is listed, failing where the definition breaks it as a warning (acknowledged or not), passing otherwise. A rule it did not check is not listed.</p>`;
      return [`<h3>${escapeHtml(s.kind)} ${escapeHtml(s.name)}</h3>`, note, rows.length === 0 ? '<p>No rule was checked on it.</p>' : findingsTable(rows)];
    }),
    ...acknowledgementsAndOptOuts(pack, subjectName),
    ...coverageMatrix(pack, subjectName),
    ...reachability(pack, subjectName),
    ...links(pack),
    ...(pack.notExamined.length > 0 ? ['<h2>Not examined</h2>', '<p>Seen but not examined, so never counted as passing:</p>', `<ul>${pack.notExamined.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`] : []),
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Evidence: ${escapeHtml(pack.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    DIAGRAM_DEFINITIONS,
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function verdictCell(v: string): string {
  return `<span class="verdict ${v}">${v}</span>`;
}

/** Verdicts grouped by framework and clause; rules and controls without a clause listed after. */
function byFramework(pack: EvidencePack, subjectName: (key: string) => string): string[] {
  const frameworks = new Map<string, { name: string; controls: Map<string, { title?: string; findings: EvidenceFinding[] }> }>();
  for (const f of pack.findings) {
    for (const c of f.clauses) {
      const fw = frameworks.get(c.framework) ?? { name: c.frameworkName, controls: new Map() };
      frameworks.set(c.framework, fw);
      const control = fw.controls.get(c.control) ?? { title: c.title, findings: [] };
      if (!control.findings.includes(f)) control.findings.push(f);
      fw.controls.set(c.control, control);
    }
  }
  const out = ['<h2>Verdicts by framework and control</h2>'];
  if (frameworks.size === 0) out.push('<p>No finding maps to a framework clause.</p>');
  for (const [key, fw] of frameworks) {
    out.push(`<h3 id="framework-${escapeHtml(key)}">${escapeHtml(fw.name)}</h3>`);
    out.push(table(['Clause', 'Title', 'Verdict', 'Findings'], [...fw.controls].map(([control, c]) => {
      const verdict = c.findings.some((f) => f.verdict === 'fail') ? 'fail' : c.findings.some((f) => f.verdict === 'undecided') ? 'undecided' : 'pass';
      return [escapeHtml(control), escapeHtml(c.title ?? ''), verdictCell(verdict), c.findings.map((f) => `${escapeHtml(f.controlId)} on ${escapeHtml(subjectName(f.subject))}: ${verdictCell(f.verdict)}`).join('<br>')];
    })));
  }
  const unmapped = pack.findings.filter((f) => f.clauses.length === 0);
  if (unmapped.length > 0) out.push(`<p class="note">${counted(unmapped.length, 'finding')} ${unmapped.length === 1 ? 'maps' : 'map'} to no framework clause; they are listed by subject below.</p>`);
  return out;
}

function findingsTable(findings: readonly EvidenceFinding[]): string {
  const rows = findings.map((f) =>
    `<tr data-finding="${escapeHtml(f.key)}"><td><code>${escapeHtml(f.controlId)}</code>${f.severity ? `<br><span class="note">${f.severity}</span>` : ''}</td>` +
    `<td>${escapeHtml(f.statement)}${f.sources.length > 0 ? `<br><span class="note">${f.sources.map((s) => htmlLink(s)).join(' ')}</span>` : ''}</td>` +
    `<td>${verdictCell(f.verdict)}${f.status && f.status !== f.verdict ? `<br><span class="note">${escapeHtml(f.status)}</span>` : ''}</td>` +
    `<td>${f.details.map(escapeHtml).join('<br>')}${f.observed.length > 0 ? `<ul class="facts">${f.observed.map(factItem).join('')}</ul>` : ''}</td></tr>`,
  );
  return `<table><thead><tr><th>Rule or control</th><th>Requirement</th><th>Verdict</th><th>Facts, where read, and how to re-check</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function factItem(o: ObservedFact): string {
  const value = o.state === 'known' ? `= <code>${escapeHtml(o.value ?? '')}</code>` : o.state === 'absent' ? 'not set (Azure\'s default applies)' : `not known: ${escapeHtml(o.reason ?? '')}`;
  const where = o.at.definition !== undefined
    ? `definition property <code>${escapeHtml(o.at.definition)}</code>`
    : `<code>${escapeHtml(o.at.document ?? '')}</code> at <code>${escapeHtml(o.at.pointer || '/')}</code>${o.at.line !== undefined ? `, line ${o.at.line}` : ''}`;
  return `<li><code>${escapeHtml(o.path)}</code> ${value}; read in ${where}; ${o.recheck !== undefined ? `re-check: <code>${escapeHtml(o.recheck)}</code>` : 'nothing on the live system to re-check: a value of the definition only'}</li>`;
}

function acknowledgementsAndOptOuts(pack: EvidencePack, subjectName: (key: string) => string): string[] {
  const optOuts = pack.findings.filter((f) => f.status === 'opt-out');
  return [
    '<h2>Acknowledgements and opt-outs</h2>',
    pack.acknowledgements.length === 0
      ? '<p>No warning is acknowledged: every warning of the definition is printed on each synthesis and deployment.</p>'
      : table(['Subject', 'Rule', 'Property', 'Finding', 'Reason given'], pack.acknowledgements.map((a) => [escapeHtml(subjectName(a.subject)), `<code>${escapeHtml(a.ruleId)}</code>`, `<code>${escapeHtml(a.property)}</code>`, escapeHtml(a.statement), escapeHtml(a.reason)])),
    optOuts.length === 0
      ? '<p>No baseline control is opted out.</p>'
      : table(['Subject', 'Control', 'Why it is not met'], optOuts.map((f) => [escapeHtml(subjectName(f.subject)), escapeHtml(f.controlId), f.details.map(escapeHtml).join('<br>')])),
  ];
}

function coverageMatrix(pack: EvidencePack, subjectName: (key: string) => string): string[] {
  const clusters = [...new Set(pack.coverage.map((c) => c.subject))];
  if (clusters.length === 0) return [];
  const flows = (Object.keys(FLOW_LABELS) as TrafficFlow[]).filter((f) => pack.coverage.some((c) => c.flow === f));
  const rows = flows.map((flow) => [
    escapeHtml(FLOW_LABELS[flow]),
    ...clusters.map((s) => {
      const c = pack.coverage.find((x) => x.subject === s && x.flow === flow);
      if (!c) return '';
      const tone = c.status === 'encrypted' ? 'ok' : c.status === 'unencrypted' || c.status === 'partial' ? 'bad' : 'unknown';
      return `<span class="verdict ${tone}">${escapeHtml(STATUS_MARK[c.status])}</span><br>${escapeHtml(c.by)}${c.caveat ? `<br><span class="note">${escapeHtml(c.caveat)}</span>` : ''}${c.sources.length > 0 ? `<br><span class="note">${c.sources.map((u) => htmlLink(u)).join(' ')}</span>` : ''}<br>re-check: <code>${escapeHtml(c.recheck)}</code>`;
    }),
  ]);
  return ['<h2>Encryption coverage</h2>', table(['Flow', ...clusters.map((s) => escapeHtml(subjectName(s)))], rows)];
}

function reachability(pack: EvidencePack, subjectName: (key: string) => string): string[] {
  if (pack.reachability.length === 0) return [];
  return [
    '<h2>Reachability of the API servers</h2>',
    ...pack.reachability.flatMap((r) => [
      `<h3>${escapeHtml(subjectName(r.subject))}: ${verdictCell(r.verdict === 'no-path-from-internet' ? 'pass' : r.verdict === 'reachable-from-internet' ? 'fail' : 'undecided')} ${escapeHtml(r.verdict.replace(/-/g, ' '))}</h3>`,
      `<p>${escapeHtml(r.summary)}</p>`,
      reachabilityDiagram(r, subjectName(r.subject)),
      r.paths.length === 0 ? '' : table(['Path', 'From', 'From the internet', 'Statement', 'Re-check'], r.paths.map((p) => [
        escapeHtml(p.kind),
        escapeHtml(p.from),
        p.fromInternet === 'undecided' ? verdictCell('undecided') : p.fromInternet ? '<span class="verdict bad">yes</span>' : '<span class="verdict ok">no</span>',
        `${escapeHtml(p.statement)}${p.source ? `<br><span class="note">${htmlLink(p.source)}</span>` : ''}`,
        `<code>${escapeHtml(p.recheck)}</code>`,
      ])),
      r.undecided.length === 0 ? '' : `<p>Undecided:</p><ul>${r.undecided.map((u) => `<li>${escapeHtml(u)}</li>`).join('')}</ul>`,
    ]),
  ];
}

function links(pack: EvidencePack): string[] {
  if (pack.links.length === 0) return [];
  return [
    '<h2>Cross-cluster links</h2>',
    '<p>Each connection is encrypted three times, with two trust chains: the customer CA protects only the hop between the clusters.</p>',
    ...pack.links.flatMap((l) => [
      `<h3>${escapeHtml(l.subject.replace(/^link:/, ''))}: ${escapeHtml(l.client)} to ${escapeHtml(l.server)}</h3>`,
      `<p>The objects the link becomes, in each of the two clusters: <code>${escapeHtml(l.recheck)}</code></p>`,
      ...l.services.flatMap((s) => [
        `<h4>Service ${escapeHtml(s.name)}</h4>`,
        linkDiagram(l, s),
        table(['#', 'From', 'To', 'Protocol', 'CA', 'Caveat'], s.segments.map((g, i) => [String(i + 1), escapeHtml(g.from), escapeHtml(g.to), escapeHtml(g.protocol), escapeHtml(g.ca), escapeHtml(g.caveat ?? '')])),
      ]),
    ]),
  ];
}

/** A table of cells already escaped. */
function table(headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  return `<table><thead><tr>${headers.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}
