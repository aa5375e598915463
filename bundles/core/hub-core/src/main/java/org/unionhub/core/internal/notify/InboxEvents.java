package org.unionhub.core.internal.notify;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.Topics;

/**
 * Turns the modules' events into inbox messages. Modules post after their transaction committed, so a member
 * never reads of a change that was rolled back. An event reaches an inbox when {@code templates.properties} has a
 * key for its topic ({@code <module>.<EVENT>}, or {@code <module>.<EVENT>.<status>} when it carries a status) and
 * it names the member ({@code memberId}) or members ({@code memberIds}). Nothing here refers to a module's code: a
 * module that is not installed posts nothing and leaves nothing behind.
 */
@Component(property = EventConstants.EVENT_TOPIC + "=" + Topics.PREFIX + "*")
public class InboxEvents implements EventHandler {

    private final Logger logger = LoggerFactory.getLogger(InboxEvents.class);
    private final Inbox inbox;
    private final Templates templates = new Templates();

    @Activate
    public InboxEvents(@Reference Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public void handleEvent(Event event) {
        String[] parts = event.getTopic().substring(Topics.PREFIX.length()).split("/");
        if (parts.length != 2) {
            return;
        }
        String key = template(parts[0] + "." + parts[1], event.getProperty("status"));
        if (key == null) {
            return;
        }
        Map<String, String> params = new HashMap<>();
        for (String name : event.getPropertyNames()) {
            Object v = event.getProperty(name);
            if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                params.put(name, String.valueOf(v));
            }
        }
        String entityId = params.getOrDefault("claimId", params.getOrDefault("applicationId",
                params.getOrDefault("bookingId", params.getOrDefault("couponId", params.get("requestId")))));
        for (long member : members(event)) {
            try {
                inbox.deliver(member, key, params, parts[0], entityId);
            } catch (RuntimeException e) {
                // an inbox that cannot be written must not fail the module that posted
                logger.warn("Inbox message {} for member {} not kept: {}", key, member, e.getMessage());
            }
        }
    }

    private String template(String base, Object status) {
        if (status != null && templates.has(base + "." + status)) {
            return base + "." + status;
        }
        return templates.has(base) ? base : null;
    }

    static List<Long> members(Event event) {
        List<Long> out = new ArrayList<>();
        if (event.getProperty("memberId") instanceof Number n) {
            out.add(n.longValue());
        }
        Object many = event.getProperty("memberIds");
        if (many instanceof long[] ids) {
            for (long id : ids) {
                out.add(id);
            }
        } else if (many instanceof Collection<?> ids) {
            for (Object id : ids) {
                if (id instanceof Number n) {
                    out.add(n.longValue());
                }
            }
        }
        return out;
    }
}
