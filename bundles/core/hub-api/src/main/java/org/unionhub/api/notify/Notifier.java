package org.unionhub.api.notify;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Sends a message to a member, an account or a phone number. The hub ships one that keeps every message in its
 * outbox table (readable by admins at {@code GET /api/admin/outbox}) and delivers {@link Channel#INBOX} messages
 * to the member's inbox. A region plugs in its SMS or WeChat gateway by registering its own {@code Notifier} with a
 * higher {@code service.ranking}; callers always take the highest-ranked one.
 *
 * <p>Texts come from templates (zh-CN) named by {@link Message#template()}, filled with its parameters, so that a
 * gateway that needs registered SMS templates can map the key to its own.
 */
@ConsumerType
public interface Notifier {

    /**
     * Sends (or queues) {@code message}. Must not throw for a gateway failure the caller cannot act on: a gateway
     * keeps its own retries; it throws {@link IllegalArgumentException} only for a message it cannot address.
     */
    void send(Message message);
}
