package org.unionhub.modelworkers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Events gathered during a transaction and posted only after it committed. */
final class Events {

    private final List<Event> pending = new ArrayList<>();

    void add(String topic, Map<String, ?> properties) {
        pending.add(new Event(topic, properties));
    }

    /** Called at the start of a transaction, which the database may retry. */
    void reset() {
        pending.clear();
    }

    void post(EventAdmin eventAdmin) {
        pending.forEach(eventAdmin::postEvent);
        pending.clear();
    }
}
