package org.unionhub.modelworkers.internal;

import java.util.Map;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.unionhub.api.db.ModuleDatabase;

/**
 * The module's events, each posted once the transaction that made the change has committed (the kit's
 * {@link ModuleDatabase#afterCommit}): a rolled-back or retried transaction posts nothing.
 */
final class Events {

    private final ModuleDatabase db;
    private final EventAdmin eventAdmin;

    Events(ModuleDatabase db, EventAdmin eventAdmin) {
        this.db = db;
        this.eventAdmin = eventAdmin;
    }

    void add(String topic, Map<String, ?> properties) {
        Event event = new Event(topic, properties);
        db.afterCommit(() -> eventAdmin.postEvent(event));
    }
}
