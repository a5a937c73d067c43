export { privacyService } from './privacyService.ts';
export type { PrivacyService, SubjectExport } from './privacyService.ts';
export { consentService } from './consentService.ts';
export type { ConsentService, Consent } from './consentService.ts';
export { subjectKeyService } from './subjectKeyService.ts';
export type { SubjectKeyService } from './subjectKeyService.ts';
export { subjectDataRegistry, tableSource } from './subjectDataRegistry.ts';
export type { SubjectDataRegistry, SubjectDataSource, SubjectDataCategory } from './subjectDataRegistry.ts';
export { privacyRoutes } from './routes.ts';
