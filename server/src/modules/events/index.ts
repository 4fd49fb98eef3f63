/**
 * Events: the transactional outbox, its dispatcher (in-process subscribers, signed webhooks,
 * NATS JetStream) and the webhook API. Modules emit with emitEvent(tx, …) inside their own
 * transaction and subscribe through the dispatcher; nothing else here is for them.
 */
import { eventRoutes } from './routes.js';

export { backoffMs, EventDispatcher, type Subscriber } from './dispatcher.js';
export { NatsPublisher, type NatsState } from './nats.js';
export { type EventEnvelope, emitEvent, emitEvents, matchesPattern, type NewEvent } from './outbox.js';
export { signWebhook, verifyWebhookSignature } from './signing.js';

export const eventsModule = { routes: eventRoutes };
