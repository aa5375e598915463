package org.unionhub.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/** An EventAdmin that keeps what a module posts or sends, in order, for a unit test to read. */
public final class RecordedEvents implements EventAdmin {

    private final List<Event> events = new CopyOnWriteArrayList<>();

    @Override
    public void postEvent(Event event) {
        events.add(event);
    }

    @Override
    public void sendEvent(Event event) {
        events.add(event);
    }

    /** The events so far, oldest first (a live view). */
    public List<Event> all() {
        return events;
    }

    /** The topics so far, oldest first. */
    public List<String> topics() {
        return events.stream().map(Event::getTopic).toList();
    }

    public void clear() {
        events.clear();
    }
}
