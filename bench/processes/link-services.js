/** The cross-cluster services of the benchmarks: `count` TCP services, numbered. */
exports.services = function services(count) {
  return Array.from({ length: count }, (_, i) => ({
    name: `svc${i}`,
    host: `svc${i}.pair.example`,
    clientPort: 20000 + i,
    gatewayPort: 30000 + i,
    backend: { host: `svc${i}.default.svc.cluster.local`, port: 8080 },
    clientNamespaces: ['default'],
  }));
};
