export { clientService } from './clientService.ts';
export type { ClientService } from './clientService.ts';
export { clientRepository } from './clientRepository.ts';
export type { ApiClient, ClientRepository } from './clientRepository.ts';
export { clientRoutes } from './routes.ts';
export { toClientView } from './toClientView.ts';
