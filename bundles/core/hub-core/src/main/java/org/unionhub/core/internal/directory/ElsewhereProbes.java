package org.unionhub.core.internal.directory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.unionhub.api.FieldError;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.TooManyAttempts;

/**
 * ID-card numbers and union cards are unique across the region, so refusing one held in another district tells an
 * officer that somebody holds it. That answer cannot be avoided, but it can be rationed: after
 * {@value #PER_WINDOW} such refusals in {@link #WINDOW_MS} an officer registers no member with a number or card
 * until the window has moved on, which stops a walk through guessed numbers and leaves real work a few minutes' pause.
 */
final class ElsewhereProbes {

    static final int PER_WINDOW = 10;
    static final long WINDOW_MS = 10 * 60_000L;
    private static final int MAX_TRACKED = 10_000;

    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    /** Throws 429 when the caller has met too many numbers held elsewhere lately; admins see the whole region anyway. */
    void requireNotBlocked(Caller caller, String field, long now) {
        if (caller.isAdmin()) {
            return;
        }
        Deque<Long> times = recent.get(caller.username());
        if (times == null) {
            return;
        }
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MS) {
                times.pollFirst();
            }
            if (times.size() >= PER_WINDOW) {
                long retry = Math.max(1, (times.peekFirst() + WINDOW_MS - now + 999) / 1000);
                throw new TooManyAttempts("too many numbers held outside your organisation lately; retry in " + retry + " s",
                        retry, List.of(new FieldError(field, "too many numbers held outside your organisation; retry in "
                                + retry + " s")));
            }
        }
    }

    void record(Caller caller, long now) {
        if (caller.isAdmin()) {
            return;
        }
        if (recent.size() > MAX_TRACKED) {
            recent.clear(); // a bound on memory; officers are far fewer
        }
        Deque<Long> times = recent.computeIfAbsent(caller.username(), k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
        }
    }
}
