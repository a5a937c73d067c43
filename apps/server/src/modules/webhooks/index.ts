export { webhookService, retryDelayMs, MAX_ATTEMPTS } from './webhookService.ts';
export type { WebhookService } from './webhookService.ts';
export { signWebhook, verifyWebhookSignature, SIGNATURE_HEADER } from './signWebhook.ts';
export { checkWebhookUrl, matchesEvent } from './checkWebhookUrl.ts';
export type { WebhookEndpoint, WebhookDelivery } from './webhookRepository.ts';
export { webhookRoutes } from './routes.ts';
