export * from './api-server-reachability';
