package org.unionhub.fairs.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.unionhub.fairs.api.FairsEvents;

/** The module's events. They go out only after the commit, so that no listener hears of a stall that was rolled back. */
final class Publisher {

    private final EventAdmin eventAdmin;

    Publisher(EventAdmin eventAdmin) {
        this.eventAdmin = eventAdmin;
    }

    void publish(List<Event> events) {
        for (Event e : events) {
            eventAdmin.postEvent(e);
        }
    }

    static Event allocated(long fairId, long applicationId, int stall) {
        return new Event(FairsEvents.STALL_ALLOCATED, Map.of("fairId", fairId, "applicationId", applicationId, "stallNumber", stall));
    }

    static Event offered(long fairId, long applicationId, int stall, Instant expires) {
        return new Event(FairsEvents.STALL_OFFERED, Map.of("fairId", fairId, "applicationId", applicationId,
                "stallNumber", stall, "offerExpiresAt", expires.toString()));
    }
}
