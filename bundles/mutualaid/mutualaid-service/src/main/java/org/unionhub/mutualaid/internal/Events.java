package org.unionhub.mutualaid.internal;

import java.util.HashMap;
import java.util.Map;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** Posts events after the transaction committed; properties never carry medical details. */
final class Events {

    private Events() {
    }

    static void post(EventAdmin events, String topic, Object... keyValues) {
        if (events == null) {
            return;
        }
        Map<String, Object> props = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                props.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        events.postEvent(new Event(topic, props));
    }
}
