package org.unionhub.api.security;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Counts events per key (an account) within a moving window of time, for rate limits kept in memory. */
public final class SlidingWindow {

    private static final int MAX_TRACKED = 10_000;

    private final int limit;
    private final long windowMs;
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    public SlidingWindow(int limit, long windowMs) {
        this.limit = limit;
        this.windowMs = windowMs;
    }

    /** Seconds until {@code key} may act again, or 0 when it is below the limit at {@code now}. */
    public long retryAfterSeconds(String key, long now) {
        Deque<Long> times = recent.get(key);
        if (times == null) {
            return 0;
        }
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - windowMs) {
                times.pollFirst();
            }
            return times.size() < limit ? 0 : Math.max(1, (times.peekFirst() + windowMs - now + 999) / 1000);
        }
    }

    public void record(String key, long now) {
        if (recent.size() > MAX_TRACKED) {
            recent.clear(); // a bound on memory; accounts are far fewer
        }
        Deque<Long> times = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
        }
    }
}
