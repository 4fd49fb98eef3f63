import { type JetStreamClient, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';

export type NatsState = 'disabled' | 'connecting' | 'connected' | 'disconnected';

interface Logger {
  info(object: object, message?: string): void;
  warn(object: object, message?: string): void;
}

const RETRY_CONNECT_MS = 2_000;
const PUBLISH_TIMEOUT_MS = 5_000;
// JetStream drops a message whose Nats-Msg-Id it saw inside this window, which turns our
// at-least-once redelivery into exactly-once storage in the stream.
const DUPLICATE_WINDOW_NS = 2 * 60 * 60 * 1_000_000_000;

/**
 * Publishes outbox events to JetStream subjects `<prefix>.<module>.<event>` on one stream.
 * It never throws at construction: while NATS is down, publishes fail, the outbox keeps the
 * deliveries pending, and they go out once the connection is back.
 */
export class NatsPublisher {
  private connection: NatsConnection | null = null;
  private client: JetStreamClient | null = null;
  private currentState: NatsState = 'connecting';
  private connecting: Promise<void> | null = null;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly url: string,
    readonly subjectPrefix: string,
    private readonly logger: Logger,
  ) {}

  get state(): NatsState {
    return this.currentState;
  }

  get streamName(): string {
    return `${this.subjectPrefix.toUpperCase().replace(/[^A-Z0-9_]/g, '_')}_EVENTS`;
  }

  subjectFor(type: string): string {
    return `${this.subjectPrefix}.${type}`;
  }

  start(): Promise<void> {
    if (!this.connecting) {
      this.connecting = this.connectOnce().finally(() => {
        this.connecting = null;
      });
    }
    return this.connecting;
  }

  private async connectOnce(): Promise<void> {
    if (this.closed || this.connection) return;
    this.currentState = 'connecting';
    try {
      const connection = await connect({
        servers: this.url,
        name: 'scohub',
        reconnect: true,
        maxReconnectAttempts: -1,
        reconnectTimeWait: 1_000,
        timeout: 3_000,
      });
      const manager = await jetstreamManager(connection);
      await manager.streams.info(this.streamName).catch(() =>
        manager.streams.add({
          name: this.streamName,
          subjects: [`${this.subjectPrefix}.>`],
          duplicate_window: DUPLICATE_WINDOW_NS,
        }),
      );
      this.connection = connection;
      this.client = jetstream(connection, { timeout: PUBLISH_TIMEOUT_MS });
      this.currentState = 'connected';
      this.logger.info({ nats: this.url, stream: this.streamName }, 'connected to NATS JetStream');
      void this.watch(connection);
    } catch (error) {
      this.currentState = 'disconnected';
      this.logger.warn(
        { nats: this.url, err: (error as Error).message },
        'NATS unavailable; events wait in the outbox',
      );
      this.scheduleRetry();
    }
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.start();
    }, RETRY_CONNECT_MS);
    this.retryTimer.unref();
  }

  private async watch(connection: NatsConnection): Promise<void> {
    for await (const status of connection.status()) {
      if (status.type === 'disconnect') this.currentState = 'disconnected';
      if (status.type === 'reconnect') this.currentState = 'connected';
    }
  }

  /** Publishes one event; resolves when JetStream has stored it (or had it already). */
  async publish(type: string, eventId: string, body: string): Promise<void> {
    if (!this.client || this.currentState !== 'connected') {
      void this.start();
      throw new Error(`NATS is ${this.currentState}`);
    }
    await this.client.publish(this.subjectFor(type), body, { msgID: eventId });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const connection = this.connection;
    this.connection = null;
    this.client = null;
    this.currentState = 'disabled';
    if (connection) await connection.close().catch(() => {});
  }
}
