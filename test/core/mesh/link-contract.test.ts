import { Testing } from 'cdk8s';
import { expect, test } from 'vitest';
import { linkContract, linkContractFile, linkFromContract, readLinkContract, SecureAksValidationError } from '../../../lib';
import { addCrossClusterCharts, CrossClusterClientChart } from '../../../lib/cdk8s';
import { MYSQL, mysqlLink } from '../../support/mesh-fixtures';
import { expectValidationError } from '../../support/validation-error';

/** The server team's repository: its link, and the contract file it writes. */
const server = mysqlLink();
const file = JSON.parse(linkContractFile(server)[`${server.name}.contract.json`]);

test('the client built in another repository from the contract file gives the same client objects', () => {
  const client = linkFromContract(file, { clientNamespaces: MYSQL.clientNamespaces, egressPort: server.egressPort });
  const app = Testing.app();
  const chart = new CrossClusterClientChart(app, 'client', { link: client, contract: file });
  // The same link built in one repository, with the client credential at its default name (a client-side choice).
  const reference = addCrossClusterCharts(Testing.app(), mysqlLink({ services: [{ ...MYSQL, clientCredentialName: undefined }] })).client;
  expect(chart.toJson()).toEqual(reference.toJson());
});

test('a client chart that disagrees with the contract it names fails synth, with every difference', () => {
  const drifted = mysqlLink({ services: [{ ...MYSQL, host: 'mysql.other.example', gatewayPort: 23306 }] });
  const chart = new CrossClusterClientChart(Testing.app(), 'client', { link: drifted, contract: file });
  const properties = expectValidationError(() => chart.toJson()).violations.filter((v) => v.rule.id === 'SAKS-MESH-012').map((v) => v.property);
  expect(properties).toEqual(['chart client: services[0].host', 'chart client: services[0].gatewayPort']);
});

test('a contract edited by hand, or of the wrong shape, is refused', () => {
  const edited = { ...file, services: [{ ...file.services[0], gatewayPort: 1 }] };
  expect(readLinkContract(edited).violations.map((v) => [v.rule.id, v.property])).toEqual([['SAKS-MESH-012', 'contract.digest']]);
  expect(() => linkFromContract({ ...file, kind: 'Other' }, { clientNamespaces: ['default'] })).toThrow(/contract\.kind/);
  expect(() => linkFromContract(file, { clientNamespaces: 42 } as never)).toThrow(SecureAksValidationError);
});

test('the contract is deterministic and names what both sides must agree on', () => {
  expect(linkContract(mysqlLink())).toEqual(linkContract(server));
  expect(file).toMatchObject({ kind: 'CrossClusterLinkContract', link: server.name, istioApiVersion: 'v1' });
  expect(file.services[0]).toMatchObject({ host: MYSQL.host, gatewayPort: MYSQL.gatewayPort });
  expect(file.digest).toMatch(/^[0-9a-f]{64}$/);
});
