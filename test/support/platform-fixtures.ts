import { CustomerCaIssuer, RegulatedPlatformProps } from '../../lib';
import { MYSQL } from './mesh-fixtures';

export const PLATFORM: RegulatedPlatformProps = {
  location: 'westeurope',
  client: { name: 'client-a', addressSpace: '10.10.0.0/16' },
  server: { name: 'server-b', addressSpace: '10.20.0.0/16' },
  issuer: CustomerCaIssuer.fromCaSecret({ secretName: 'customer-ca' }),
  services: [{ ...MYSQL, host: 'mysql.ledger.internal.example' }],
};
