/**
 * A problem istiod's validation would reject.
 * @internal
 */
export interface TlsProblem {
  readonly message: string;
  readonly fix: string;
}

type Obj = Record<string, any>;

/**
 * istiod's TLS validation (pkg/config/validation `validateTLSOptions`,
 * `ValidateTLS`) and the CEL rules of the Istio CRDs that matter for this
 * pattern, applied to one Gateway, DestinationRule or ServiceEntry.
 * @internal
 */
export function validateTlsSettings(o: Obj): TlsProblem[] {
  const problems: TlsProblem[] = [];
  if (o.kind === 'Gateway') {
    for (const s of o.spec?.servers ?? []) {
      const tls = s.tls ?? {};
      const certs = ['serverCertificate', 'privateKey', 'caCertificates', 'credentialName', 'credentialNames', 'tlsCertificates'].filter((k) => tls[k] !== undefined);
      if (tls.mode === 'ISTIO_MUTUAL' && certs.length > 0) {
        problems.push({ message: `server on port ${s.port?.number}: ISTIO_MUTUAL must not set ${certs.join(', ')}`, fix: 'remove them: the mesh CA provides the certificates' });
      }
      const credentials = ['credentialName', 'credentialNames', 'tlsCertificates'].filter((k) => tls[k] !== undefined);
      if (credentials.length > 1) {
        problems.push({ message: `server on port ${s.port?.number}: only one of ${credentials.join(', ')} may be set`, fix: 'keep one' });
      }
      const terminates = tls.mode === 'SIMPLE' || tls.mode === 'MUTUAL';
      if (terminates && s.port?.protocol && ['HTTPS', 'TLS'].includes(s.port.protocol) && credentials.length === 0 && !(tls.serverCertificate && tls.privateKey)) {
        problems.push({ message: `server on port ${s.port.number}: ${tls.mode} needs credentialName or serverCertificate and privateKey`, fix: 'set credentialName to the certificate secret' });
      }
    }
  }
  if (o.kind === 'DestinationRule') {
    const settings: Obj[] = [
      o.spec?.trafficPolicy?.tls,
      ...(o.spec?.trafficPolicy?.portLevelSettings ?? []).map((p: Obj) => p.tls),
      ...(o.spec?.subsets ?? []).flatMap((sub: Obj) => [sub.trafficPolicy?.tls, ...(sub.trafficPolicy?.portLevelSettings ?? []).map((p: Obj) => p.tls)]),
    ].filter(Boolean);
    for (const tls of settings) {
      if ((tls.mode === 'SIMPLE' || tls.mode === 'MUTUAL') && tls.credentialName) {
        const extra = ['clientCertificate', 'privateKey', 'caCertificates', 'caCrl'].filter((k) => tls[k] !== undefined);
        if (extra.length > 0) problems.push({ message: `tls with credentialName must not also set ${extra.join(', ')}`, fix: 'keep credentialName only' });
      }
      if (tls.mode === 'MUTUAL' && !tls.credentialName && !(tls.clientCertificate && tls.privateKey)) {
        problems.push({ message: 'MUTUAL tls needs credentialName, or clientCertificate and privateKey', fix: 'set credentialName to the client certificate secret' });
      }
      if (tls.insecureSkipVerify === true && (tls.caCertificates || tls.subjectAltNames)) {
        problems.push({ message: 'insecureSkipVerify cannot be combined with caCertificates or subjectAltNames', fix: 'remove insecureSkipVerify' });
      }
      if (tls.mode === 'ISTIO_MUTUAL' && ['clientCertificate', 'privateKey', 'caCertificates', 'credentialName'].some((k) => tls[k] !== undefined)) {
        problems.push({ message: 'ISTIO_MUTUAL tls must not set certificates or credentialName', fix: 'remove them: the mesh CA provides the certificates' });
      }
    }
  }
  if (o.kind === 'ServiceEntry') {
    const numbers = (o.spec?.ports ?? []).map((p: Obj) => p.number);
    if (new Set(numbers).size !== numbers.length) problems.push({ message: 'port number cannot be duplicated', fix: 'remove the duplicate port' });
    if (numbers.some((n: number) => !Number.isInteger(n) || n < 1 || n > 65535)) problems.push({ message: 'ports must be 1-65535', fix: 'use a valid port' });
    const endpoints = o.spec?.endpoints ?? [];
    if (o.spec?.resolution === 'NONE' && endpoints.length > 0) problems.push({ message: 'NONE mode cannot set endpoints', fix: 'use resolution DNS' });
    if (o.spec?.resolution === 'DNS_ROUND_ROBIN' && endpoints.length > 1) problems.push({ message: 'DNS_ROUND_ROBIN mode cannot have multiple endpoints', fix: 'keep one endpoint' });
    if (o.spec?.workloadSelector && endpoints.length > 0) problems.push({ message: 'only one of WorkloadSelector or Endpoints can be set', fix: 'keep one' });
    if (['DNS', 'DNS_ROUND_ROBIN'].includes(o.spec?.resolution) && (o.spec?.hosts ?? []).some((h: string) => h.includes('*'))) {
      problems.push({ message: 'hostname cannot be wildcard with DNS resolution', fix: 'name the host' });
    }
  }
  return problems;
}
