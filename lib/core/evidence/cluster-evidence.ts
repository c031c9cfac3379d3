import { ClusterAudit } from '../audit/audit-cluster';
import { BaselineStatus, SECURITY_BASELINE } from '../aks/security-baseline';
import { ClusterDescription } from '../description/cluster-description';
import { FrameworkClause, frameworkClausesOf } from '../compliance/framework-clauses';
import { DescribedResource } from '../description/described-resource';
import { Fact, isDocumentLocation } from '../description/fact';
import { UnknownValue } from '../description/unknown-value';
import { FlowCoverage, TrafficFlow } from '../encryption/encryption-coverage';
import { FELIX_DEFAULT_CONFIGURATION } from '../encryption/calico-felix-configuration';
import { DeployedTransitEncryption } from '../encryption/pod-traffic-encryption';
import { ReachabilityStatement } from '../reachability/api-server-reachability';
import { RuleOutcome, Verdict } from '../rules/rule-outcome';
import { AcknowledgedViolation } from '../validation/acknowledgement';
import { describeValue } from '../validation/violation';
import {
  EvidenceAcknowledgement,
  EvidenceCoverage,
  EvidenceFinding,
  EvidenceLocation,
  EvidenceReachability,
  EvidenceSubject,
  ObservedFact,
} from './evidence-pack';
import { AzureRecheckTarget, describedRecheckTarget, recheckCommand } from '../reports/recheck-command';
import { clusterNetwork } from '../reachability/private-networks';
import { readingContext } from '../reachability/description-reading';

/**
 * The framework controls a rule or baseline control serves, by its id.
 * @internal
 */
export type ClausesOf = (controlId: string) => readonly FrameworkClause[];

/**
 * What the evidence of one cluster is built from: its audit, and what the deployment adds.
 * @internal
 */
export interface ClusterEvidenceInput {
  /** The cluster as described (facts and provenance). */
  readonly description: ClusterDescription;
  /** The audit of that description: every rule's outcome, the baseline, the coverage. */
  readonly audit: ClusterAudit;
  /**
   * The encryption coverage to report, when the deployment knows more than the
   * payload (the Kubernetes objects applied with it, its cross-cluster links).
   * @default - the audit's coverage
   */
  readonly coverage?: readonly FlowCoverage[];
  /**
   * The transit encryption the deployment applies, when it knows more than the payload (Calico's
   * WireGuard is a Kubernetes object deployed with the cluster).
   * @default - the audit's reading of the payload
   */
  readonly transitEncryption?: DeployedTransitEncryption['kind'];
  /**
   * Warnings the definition acknowledges, with their reasons.
   * @default - none
   */
  readonly acknowledged?: readonly AcknowledgedViolation[];
  /**
   * The 1-based line of a JSON pointer in a document read as text.
   * @default - no lines
   */
  readonly lineOf?: (document: string, pointer: string) => number | undefined;
  /**
   * The framework clauses of a rule or baseline control.
   * @default frameworkClausesOf
   */
  readonly clausesOf?: ClausesOf;
}

/**
 * The evidence of one cluster.
 * @internal
 */
export interface ClusterEvidence {
  readonly subject: EvidenceSubject;
  readonly findings: readonly EvidenceFinding[];
  readonly acknowledgements: readonly EvidenceAcknowledgement[];
  readonly coverage: readonly EvidenceCoverage[];
  readonly reachability: EvidenceReachability;
}

const BASELINE_VERDICT: Readonly<Record<BaselineStatus, Verdict>> = {
  pass: 'pass',
  fail: 'fail',
  // An opt-out is a control this deployment does not meet, for the reason the baseline gives.
  'opt-out': 'fail',
  // Met in part, or not read: neither is a pass.
  partial: 'undecided',
  'not-verified': 'undecided',
};

/**
 * One finding per rule and per baseline control on the cluster (a control
 * with the facts its deciding rules read), each with the facts it read (their document, pointer and line, or the definition's
 * property), the command that re-reads each on the live system, and its
 * framework controls; the acknowledgements with their reasons; the coverage.
 * @internal
 */
export function clusterEvidence(input: ClusterEvidenceInput): ClusterEvidence {
  const { description: d, audit } = input;
  const subject: EvidenceSubject = {
    key: `cluster:${audit.cluster.cluster.name}`,
    kind: 'cluster',
    name: audit.cluster.cluster.name,
    source: audit.cluster.source,
    ...(audit.cluster.cluster.id ? { resourceId: audit.cluster.cluster.id } : {}),
  };
  const clausesOf = input.clausesOf ?? frameworkClausesOf;
  const observe = factObserver(d, input.lineOf);
  const rules = audit.outcomes.map((o) => ruleFinding(o, subject.key, observe, clausesOf(o.rule.id)));
  const baseline = audit.baseline.map((c): EvidenceFinding => {
    const check = SECURITY_BASELINE.find((b) => b.id === c.id);
    // The control is derived from its rules' outcomes: it shows the facts they read and what they found.
    const deciding = c.decidedBy.map((id) => audit.outcomes.find((o) => o.rule.id === id)).filter((o): o is RuleOutcome => o !== undefined);
    const details = [
      `decided by ${c.decidedBy.join(', ')}`,
      ...(c.status === 'opt-out' && check?.optOut ? [`opt-out: ${check.optOut}`] : []),
      ...(c.status === 'partial' ? ['met in part only'] : []),
      ...(c.status === 'not-verified' ? ['a rule that decides it is undecided: what it needs was not read, or is not known'] : []),
      ...deciding.flatMap((o) => outcomeDetails(o).map((d) => `${o.rule.id}: ${d}`)),
    ];
    const sources = [...new Set(deciding.flatMap((o) => o.rule.sources))];
    return { key: `${c.id}@${subject.key}`, kind: 'baseline', controlId: c.id, statement: c.title, subject: subject.key, verdict: BASELINE_VERDICT[c.status], status: c.status, details, observed: observedFacts(deciding, observe), clauses: clausesOf(c.id), sources };
  });
  const acknowledgements = (input.acknowledged ?? []).map((a) => ({
    subject: subject.key,
    ruleId: a.violation.rule.id,
    property: a.violation.property,
    statement: a.violation.rule.statement,
    reason: a.acknowledgement.reason,
  }));
  const clusterTarget = describedRecheckTarget(d.resource);
  const network = nodeNetworkTarget(d);
  const coverage = (input.coverage ?? audit.coverage).map((f) => {
    const recheck = coverageRecheck(f.flow, input.transitEncryption ?? audit.transitEncryption.kind, clusterTarget, network);
    return { subject: subject.key, flow: f.flow, status: f.status, by: f.by, ...(f.caveat ? { caveat: f.caveat } : {}), sources: f.sources, recheck };
  });
  return {
    subject,
    findings: [...rules, ...baseline],
    acknowledgements,
    coverage,
    reachability: reachabilityOf(audit.reachability, subject.key),
  };
}

/** The virtual network of the node subnet, as the description names it (read with the reachability statement's reader). */
function nodeNetworkTarget(d: ClusterDescription): AzureRecheckTarget | undefined {
  const network = clusterNetwork(d, readingContext(d), []);
  if (network.resource) return describedRecheckTarget(network.resource);
  if (network.name === undefined) return undefined;
  return { kind: 'azure', type: 'Microsoft.Network/virtualNetworks', name: network.name, ...(network.resourceGroup ? { resourceGroup: network.resourceGroup } : {}) };
}

/** The Istio objects that set TLS between clusters: the client's origination and the server's gateway. */
const CROSS_CLUSTER_TLS_OBJECTS = ['destinationrules.networking.istio.io', 'gateways.networking.istio.io'];

/**
 * Where a coverage row's setting is on the live system: the API server's access profile for the
 * nodes-to-API-server row; the Istio objects that set TLS for the cross-cluster row; for the
 * in-cluster rows, the ACNS transit encryption setting, Calico's default FelixConfiguration, or the
 * encryption of the nodes' virtual network (where the payload names it).
 */
function coverageRecheck(flow: TrafficFlow, mechanism: DeployedTransitEncryption['kind'], cluster: AzureRecheckTarget, network: AzureRecheckTarget | undefined): string {
  const transit = 'properties.networkProfile.advancedNetworking.security.transitEncryption.type';
  const felix = recheckCommand({ kind: 'kubernetes', resource: 'felixconfigurations.crd.projectcalico.org', name: FELIX_DEFAULT_CONFIGURATION }, 'spec.wireguardEnabled');
  const vnet = recheckCommand(network ?? { kind: 'azure', type: 'Microsoft.Network/virtualNetworks' }, 'properties.encryption');
  if (flow === 'nodes-to-api-server') return recheckCommand(cluster, 'properties.apiServerAccessProfile');
  if (flow === 'cross-cluster') return recheckCommand({ kind: 'kubernetes-selection', resources: CROSS_CLUSTER_TLS_OBJECTS });
  switch (mechanism) {
    case 'acnsWireGuard':
      return recheckCommand(cluster, transit);
    case 'calicoWireGuard':
      return felix;
    case 'virtualNetworkEncryption':
      return vnet;
    case 'none':
      return `${recheckCommand(cluster, transit)}; ${vnet}`;
    case 'not-verified':
      return [recheckCommand(cluster, ['properties.networkProfile.networkPolicy', transit]), felix, vnet].join('; ');
  }
}

/** The API server's reachability statement the audit made, as the evidence holds it. */
function reachabilityOf(r: ReachabilityStatement, subject: string): EvidenceReachability {
  return {
    subject,
    verdict: r.verdict,
    summary: r.summary,
    paths: r.paths.map((p) => ({ kind: p.kind, from: p.from, fromInternet: p.fromInternet, statement: p.statement, recheck: p.recheck, source: p.source })),
    undecided: r.undecided.map((u) => u.reason),
  };
}

function ruleFinding(o: RuleOutcome, subject: string, observe: (f: Fact) => ObservedFact, clauses: readonly FrameworkClause[]): EvidenceFinding {
  return { key: `${o.rule.id}@${subject}`, kind: 'rule', controlId: o.rule.id, statement: o.rule.statement, severity: o.rule.severity, subject, verdict: o.verdict, details: outcomeDetails(o), observed: observedFacts([o], observe), clauses, sources: o.rule.sources };
}

/** What a rule found broken, with the fix, and why it is undecided. */
function outcomeDetails(o: RuleOutcome): string[] {
  return [
    ...o.findings.map((v) => `${v.property} = ${describeValue(v.value)}: ${v.fix}${v.detail ? ` (${v.detail})` : ''}`),
    ...o.undecided.map((u) => `undecided: ${u.reason}`),
  ];
}

/** The facts the rules read, each once (by path and place), in reading order, with its recheck. */
function observedFacts(outcomes: readonly RuleOutcome[], observe: (f: Fact) => ObservedFact): ObservedFact[] {
  const seen = new Set<string>();
  const observed: ObservedFact[] = [];
  for (const o of outcomes) {
    for (const f of o.observed) {
      // The key of the observed fact (its path and place), read from the fact: a repeated one is not observed again.
      const key = isDocumentLocation(f.at) ? `${f.path}|${f.at.document}|${f.at.pointer ?? ''}` : `${f.path}||${f.at.definition ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      observed.push(observe(f));
    }
  }
  return observed;
}

/** Turns a fact of the description into an observed fact: its location, and its recheck on the resource it was read from. */
function factObserver(d: ClusterDescription, lineOf?: (document: string, pointer: string) => number | undefined): (f: Fact) => ObservedFact {
  const resourceAt = resourceFinder([d.resource, ...d.poolResources, ...d.related.resources]);
  return (f) => {
    const at: EvidenceLocation = isDocumentLocation(f.at)
      ? { document: f.at.document, pointer: f.at.pointer, ...lineAt(lineOf, f.at.document, f.at.pointer) }
      : { definition: f.at.definition };
    const resource = isDocumentLocation(f.at) ? resourceAt(f.at.document, f.at.pointer) ?? d.resource : d.resource;
    const value = f.state === 'known' ? describeValue(f.value instanceof UnknownValue ? f.value.toString() : f.value) : undefined;
    return {
      path: f.path,
      state: f.state,
      ...(value !== undefined ? { value } : {}),
      ...(f.state === 'unknown' ? { reason: f.reason } : {}),
      at,
      // The API version a resource was written at is not part of what Azure returns for it
      // (a GET's body has no apiVersion), so nothing on the live system re-reads it.
      ...(f.path === 'apiVersion' ? {} : { recheck: recheckCommand(describedRecheckTarget(resource), f.path) }),
    };
  };
}

function lineAt(lineOf: ((document: string, pointer: string) => number | undefined) | undefined, document: string, pointer: string): { line?: number } {
  const line = lineOf?.(document, pointer);
  return line === undefined ? {} : { line };
}

/**
 * Finds the resource whose place in the document holds a pointer: the deepest
 * one, the first read among resources at the same place. Each document's
 * resources are indexed by their pointer, and only the pointer's own prefixes
 * are looked up (an estate's hub template alone holds thousands of resources).
 */
function resourceFinder(resources: readonly DescribedResource[]): (document: string, pointer: string) => DescribedResource | undefined {
  const byPlace = new Map<string, Map<string, DescribedResource>>();
  for (const r of resources) {
    const places = byPlace.get(r.origin.document) ?? new Map<string, DescribedResource>();
    byPlace.set(r.origin.document, places);
    if (!places.has(r.origin.pointer)) places.set(r.origin.pointer, r);
  }
  return (document, pointer) => {
    const places = byPlace.get(document);
    if (!places) return undefined;
    // The pointer itself, then each prefix ending before a "/", longest first ("" holds every pointer that starts with "/").
    let prefix = pointer;
    for (;;) {
      const r = places.get(prefix);
      if (r) return r;
      const cut = prefix.lastIndexOf('/');
      if (cut < 0) return undefined;
      prefix = prefix.slice(0, cut);
    }
  };
}
