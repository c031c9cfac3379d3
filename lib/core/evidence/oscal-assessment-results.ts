import { EvidenceFinding, EvidencePack, EvidenceReachability, ObservedFact } from './evidence-pack';
import { evidenceUuid } from './evidence-uuid';

/**
 * The OSCAL release whose assessment-results model the output follows.
 * @category Evidence
 */
export const OSCAL_VERSION = '1.0.6';

/**
 * The namespace of the properties secure-aks adds to OSCAL objects (OSCAL asks for one on every non-OSCAL name).
 * @category Evidence
 */
export const OSCAL_PROPERTY_NAMESPACE = 'urn:secure-aks:oscal';

type Json = Record<string, unknown>;

/** The framework id of NIST SP 800-53 Rev. 5 in the framework mapping. */
const NIST_800_53 = 'nist-sp-800-53-r5';

const VERDICT_STATUS = {
  pass: { state: 'satisfied', reason: 'pass' },
  fail: { state: 'not-satisfied', reason: 'fail' },
  // OSCAL has no third state: an undecided objective is not shown satisfied, and says why.
  undecided: { state: 'not-satisfied', reason: 'other' },
} as const;

/**
 * The evidence pack as OSCAL assessment results (JSON): one result for the
 * evaluation, each subject an inventory item, one observation per finding
 * (its facts as relevant evidence, each with its location and recheck
 * command) and one finding per rule or baseline control on a subject, whose
 * objective is satisfied only on a pass; one observation per API server's
 * reachability, each path with its recheck. Framework controls are the result's
 * reviewed controls and each finding's properties. UUIDs are version 5 of
 * stable names and every date is the evaluation date, so the same input gives
 * a byte-identical file.
 * @see https://pages.nist.gov/OSCAL/reference/1.0.6/assessment-results/json-outline/
 * @category Evidence
 */
export function renderOscalAssessmentResults(pack: EvidencePack): string {
  const id = (name: string) => evidenceUuid(`${pack.title}|${name}`);
  const catalog = id('rule-catalog');
  const subjects = pack.subjects.map((s) => ({
    uuid: id(`subject|${s.key}`),
    description: `${s.kind} ${s.name} (${s.source})`,
    props: [prop('subject-kind', s.kind), prop('subject-name', s.name), ...(s.resourceId ? [prop('resource-id', s.resourceId)] : [])],
  }));
  const subjectUuid = new Map(pack.subjects.map((s, i) => [s.key, subjects[i].uuid]));
  const observations = pack.findings.map((f) => observation(f, id(`observation|${f.key}`), subjectUuid.get(f.subject)!, pack.evaluatedAt));
  const findings = pack.findings.map((f, i) => finding(f, id(`finding|${f.key}`), observations[i].uuid as string));
  observations.push(...pack.reachability.map((r) => reachabilityObservation(r, id(`reachability|${r.subject}`), subjectUuid.get(r.subject)!, pack.evaluatedAt)));
  // Reviewed controls name controls of a catalog: NIST SP 800-53's, whose OSCAL catalog ids are known
  // (`SC-7(3)` is `sc-7.3`); every framework's clauses are on each finding as properties.
  const controls = [...new Set(pack.findings.flatMap((f) => f.clauses.filter((c) => c.framework === NIST_800_53).map((c) => oscalControlId(c.control))))].sort();
  const result: Json = {
    uuid: id('result'),
    title: `secure-aks ${pack.origin === 'synth' ? 'synthesis' : 'audit'}: ${pack.title}`,
    description: `Every rule of the secure-aks catalog and every control of its security baseline, evaluated ${pack.origin === 'synth' ? 'on the deployment the definition synthesizes' : 'on the documents audited'}. A finding is satisfied only when its rule passed; an undecided rule (a value not known, a resource not read) is not satisfied, with the reason "other".`,
    start: pack.evaluatedAt,
    end: pack.evaluatedAt,
    ...(subjects.length > 0 ? { 'local-definitions': { 'inventory-items': subjects } } : {}),
    'reviewed-controls': {
      description: controls.length > 0
        ? 'The NIST SP 800-53 Rev. 5 controls the findings support (ids of NIST\'s OSCAL catalog); each finding names the clauses of every framework as its framework-control properties.'
        : 'No finding maps to a NIST SP 800-53 control: each finding names the clauses of every framework as its framework-control properties.',
      'control-selections': [controls.length > 0 ? { 'include-controls': controls.map((c) => ({ 'control-id': c })) } : { 'include-all': {} }],
    },
    ...(observations.length > 0 ? { observations } : {}),
    ...(findings.length > 0 ? { findings } : {}),
    ...(pack.notExamined.length > 0 ? { remarks: `Not examined (never counted as passing):\n${pack.notExamined.map((n) => `- ${n}`).join('\n')}` } : {}),
  };
  const document = {
    'assessment-results': {
      uuid: id('assessment-results'),
      metadata: {
        title: `Assessment results: ${pack.title}`,
        'last-modified': pack.evaluatedAt,
        version: pack.toolVersion,
        'oscal-version': OSCAL_VERSION,
        props: [prop('tool', 'secure-aks'), prop('tool-version', pack.toolVersion), prop('evaluation-origin', pack.origin)],
      },
      'import-ap': {
        href: `#${catalog}`,
        remarks: 'No separate assessment plan: the plan is the secure-aks rule catalog and security baseline, described in the back matter.',
      },
      results: [result],
      'back-matter': {
        resources: [
          {
            uuid: catalog,
            title: 'secure-aks rule catalog and security baseline',
            description: 'The rules (id, statement, sources, severity) and baseline controls the findings name; each finding lists the public documents its rule comes from.',
          },
        ],
      },
    },
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function observation(f: EvidenceFinding, uuid: string, subject: string, collected: string): Json {
  const facts = f.observed.map(relevantEvidence);
  return {
    uuid,
    title: `${f.controlId}: ${f.verdict}`,
    description: nonEmpty([`${f.statement}: ${f.verdict}.`, ...f.details].join('\n')),
    props: [prop('verdict', f.verdict)],
    methods: ['TEST'],
    types: ['finding'],
    subjects: [{ 'subject-uuid': subject, type: 'inventory-item' }],
    ...(facts.length > 0 ? { 'relevant-evidence': facts } : {}),
    collected,
  };
}

/** Each API server's reachability statement: its verdict, and every path with the command that re-checks it. */
function reachabilityObservation(r: EvidenceReachability, uuid: string, subject: string, collected: string): Json {
  return {
    uuid,
    title: `API server reachability: ${r.verdict}`,
    description: nonEmpty([r.summary, ...r.undecided.map((u) => `undecided: ${u}`)].join('\n')),
    props: [prop('reachability', r.verdict)],
    methods: ['TEST'],
    types: ['control-objective'],
    subjects: [{ 'subject-uuid': subject, type: 'inventory-item' }],
    ...(r.paths.length > 0
      ? {
          'relevant-evidence': r.paths.map((p) => ({
            description: nonEmpty(p.statement),
            props: [
              prop('path-kind', p.kind),
              prop('path-from', p.from),
              prop('from-internet', String(p.fromInternet)),
              prop('recheck', p.recheck),
            ],
            ...(p.source ? { links: [{ href: p.source, rel: 'reference' }] } : {}),
          })),
        }
      : {}),
    collected,
  };
}

function relevantEvidence(fact: ObservedFact): Json {
  const where = fact.at.definition !== undefined
    ? `the definition's ${fact.at.definition}`
    : `${fact.at.document}#${fact.at.pointer}${fact.at.line !== undefined ? ` (line ${fact.at.line})` : ''}`;
  const value = fact.state === 'known' ? `= ${fact.value}` : fact.state === 'absent' ? 'is not set (Azure\'s default applies)' : `is not known: ${fact.reason}`;
  return {
    description: `${fact.path || '(the resource)'} ${value}, read at ${where}`,
    props: [
      prop('rest-path', fact.path || '/'),
      prop('fact-state', fact.state),
      ...(fact.at.document !== undefined ? [prop('document', fact.at.document)] : []),
      ...(fact.at.pointer !== undefined && fact.at.pointer !== '' ? [prop('json-pointer', fact.at.pointer)] : []),
      ...(fact.at.line !== undefined ? [prop('line', String(fact.at.line))] : []),
      ...(fact.at.definition !== undefined ? [prop('definition-property', fact.at.definition)] : []),
      ...(fact.recheck !== undefined ? [prop('recheck', fact.recheck)] : []),
    ],
  };
}

function finding(f: EvidenceFinding, uuid: string, observationUuid: string): Json {
  return {
    uuid,
    title: `${f.controlId} on ${f.subject}`,
    description: nonEmpty(f.statement),
    props: [
      prop('verdict', f.verdict),
      prop('finding-kind', f.kind),
      prop('control-id', f.controlId),
      prop('subject', f.subject),
      ...(f.severity ? [prop('severity', f.severity)] : []),
      ...(f.status ? [prop('baseline-status', f.status)] : []),
      ...f.clauses.map((c) => ({ ...prop('framework-control', `${c.framework} ${c.control}`), class: c.basis.kind })),
    ],
    ...(f.sources.length > 0 ? { links: f.sources.map((href) => ({ href, rel: 'reference' })) } : {}),
    target: {
      type: 'objective-id',
      'target-id': oscalToken(f.controlId),
      title: f.controlId,
      status: { ...VERDICT_STATUS[f.verdict], ...(f.verdict === 'undecided' ? { remarks: 'undecided: what decides it is not known or was not read' } : {}) },
    },
    'related-observations': [{ 'observation-uuid': observationUuid }],
  };
}

/** An OSCAL property in the library's namespace; values as OSCAL's strings (no surrounding whitespace, never empty). */
function prop(name: string, value: string): Json {
  return { name, ns: OSCAL_PROPERTY_NAMESPACE, value: nonEmpty(value.replace(/\s+/g, ' ')) };
}

function nonEmpty(text: string): string {
  const t = text.trim();
  return t === '' ? '(none)' : t;
}

/**
 * An id as an OSCAL token (an XML NCName: a letter or `_` first, then letters, digits, `.`, `-`, `_`).
 * @category Evidence
 */
export function oscalToken(id: string): string {
  const token = id.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '');
  return /^[\p{L}_]/u.test(token) ? token : `_${token}`;
}

/**
 * A framework control id as OSCAL catalogs write it: `AC-17(1)` is `ac-17.1`.
 * @category Evidence
 */
export function oscalControlId(control: string): string {
  return oscalToken(control.toLowerCase().replace(/\((\w+)\)/g, '.$1').replace(/\s+/g, '-'));
}
