package org.unionhub.core.internal.notify;

import java.util.HashMap;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.notify.Channel;
import org.unionhub.api.notify.Message;
import org.unionhub.api.notify.Notifier;

/**
 * The shipped {@link Notifier}: no gateway, every message kept in the outbox ({@code GET /api/admin/outbox}),
 * inbox messages also delivered to the member's inbox. Ranked below any region's gateway ({@code service.ranking}
 * -100), which then takes every message.
 */
@Component(service = Notifier.class, property = "service.ranking:Integer=-100")
public class OutboxNotifier implements Notifier {

    private final Logger logger = LoggerFactory.getLogger(OutboxNotifier.class);
    private final Outbox outbox;
    private final Inbox inbox;
    private final Templates templates = new Templates();

    @Activate
    public OutboxNotifier(@Reference Outbox outbox, @Reference Inbox inbox) {
        this.outbox = outbox;
        this.inbox = inbox;
    }

    @Override
    public void send(Message message) {
        if (message.channel() == Channel.SMS && message.phone() == null) {
            throw new IllegalArgumentException("an SMS needs a phone number");
        }
        if (message.channel() == Channel.INBOX && message.memberId() == null) {
            throw new IllegalArgumentException("an inbox message needs a member");
        }
        long id = outbox.add(message, templates.text(message.template(), message.params()));
        if (message.channel() == Channel.INBOX) {
            Map<String, String> params = new HashMap<>(message.params());
            inbox.deliver(message.memberId(), message.template(), params, params.get("module"), params.get("entityId"));
        }
        // the phone number and the text stay out of the log: a code in karaf.log would outlive its 5 minutes
        logger.debug("Outbox message {} ({}, {})", id, message.channel(), message.template());
    }
}
