/**
 * The Istio objects of Google's cross-cluster MySQL walkthrough with egress
 * and ingress gateways, as the guide gives them, transcribed for comparison.
 * Its SERVICE_URL is mysql.fqdn.example here.
 * @see https://cloud.google.com/service-mesh/docs/security/egress-ingress-gateways-mtls
 */
export const GUIDE_CLIENT = [
  {
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'ServiceEntry',
    metadata: { name: 'mysql-external' },
    spec: {
      hosts: ['mysql.fqdn.example'],
      location: 'MESH_EXTERNAL',
      ports: [
        { number: 3306, name: 'tcp', protocol: 'TCP' },
        { number: 13306, name: 'tls', protocol: 'TLS' },
      ],
      resolution: 'DNS',
      endpoints: [{ address: 'mysql.fqdn.example', ports: { tls: 13306 } }],
    },
  },
  {
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'Gateway',
    metadata: { name: 'istio-egressgateway-mysql' },
    spec: {
      selector: { istio: 'egressgateway' },
      servers: [{ port: { number: 15443, name: 'tls', protocol: 'TLS' }, hosts: ['mysql.fqdn.example'], tls: { mode: 'ISTIO_MUTUAL' } }],
    },
  },
  {
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'VirtualService',
    metadata: { name: 'direct-mysql-through-egress-gateway' },
    spec: {
      hosts: ['mysql.fqdn.example'],
      gateways: ['istio-egressgateway-mysql', 'mesh'],
      tcp: [
        {
          match: [{ gateways: ['mesh'], port: 3306 }],
          route: [{ destination: { host: 'istio-egressgateway.istio-system.svc.cluster.local', subset: 'mysql', port: { number: 15443 } }, weight: 100 }],
        },
        {
          match: [{ gateways: ['istio-egressgateway-mysql'], port: 15443 }],
          route: [{ destination: { host: 'mysql.fqdn.example', port: { number: 13306 } }, weight: 100 }],
        },
      ],
    },
  },
  {
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'DestinationRule',
    metadata: { name: 'egressgateway-for-mysql' },
    spec: {
      host: 'istio-egressgateway.istio-system.svc.cluster.local',
      subsets: [
        {
          name: 'mysql',
          trafficPolicy: {
            loadBalancer: { simple: 'ROUND_ROBIN' },
            portLevelSettings: [{ port: { number: 15443 }, tls: { mode: 'ISTIO_MUTUAL', sni: 'mysql.fqdn.example' } }],
          },
        },
      ],
    },
  },
  {
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'DestinationRule',
    metadata: { name: 'originate-mtls-for-mysql' },
    spec: {
      host: 'mysql.fqdn.example',
      trafficPolicy: {
        loadBalancer: { simple: 'ROUND_ROBIN' },
        portLevelSettings: [{ port: { number: 13306 }, tls: { mode: 'MUTUAL', credentialName: 'client-credential', sni: 'mysql.fqdn.example' } }],
      },
    },
  },
];

export const GUIDE_SERVER = [
  {
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'Gateway',
    metadata: { name: 'gateway-mysql' },
    spec: {
      selector: { istio: 'ingressgateway' },
      servers: [{ port: { number: 13306, name: 'tls-mysql', protocol: 'TLS' }, tls: { mode: 'MUTUAL', credentialName: 'mysql-credential' }, hosts: ['mysql.fqdn.example'] }],
    },
  },
  {
    apiVersion: 'networking.istio.io/v1alpha3',
    kind: 'VirtualService',
    metadata: { name: 'mysql-virtual-service' },
    spec: {
      hosts: ['mysql.fqdn.example'],
      gateways: ['gateway-mysql'],
      tcp: [{ route: [{ destination: { port: { number: 3306 }, host: 'mysql.default.svc.cluster.local' } }] }],
    },
  },
];

/** The guide's imperative patch of the ingress gateway Service. */
export const GUIDE_INGRESS_PORT = { name: 'tls-mysql', protocol: 'TCP', targetPort: 13306, port: 13306 };
