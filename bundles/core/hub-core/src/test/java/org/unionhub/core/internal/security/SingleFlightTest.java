package org.unionhub.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class SingleFlightTest {

    private final SingleFlight<String, String> flight = new SingleFlight<>();
    private final AtomicInteger computed = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    private String slow(String value) {
        computed.incrementAndGet();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return value;
    }

    @Test
    void callersThatArriveWhileItRunsShareOneComputation() throws Exception {
        ConcurrentLinkedQueue<String> answers = new ConcurrentLinkedQueue<>();
        Thread leader = new Thread(() -> answers.add(flight.run("admin", () -> slow("caller"))));
        leader.start();
        while (!flight.running("admin")) {
            Thread.onSpinWait();
        }
        List<Thread> waiters = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            Thread t = new Thread(() -> answers.add(flight.run("admin", () -> slow("another"))));
            waiters.add(t);
            t.start();
        }
        // a waiter parks only in join(): once all are parked, none can start a computation of its own
        for (Thread t : waiters) {
            while (t.getState() != Thread.State.WAITING) {
                Thread.sleep(1);
            }
        }
        release.countDown();
        leader.join();
        for (Thread t : waiters) {
            t.join();
        }
        assertEquals(1, computed.get(), "one computation for sixteen callers");
        assertEquals(16, answers.size());
        answers.forEach(a -> assertEquals("caller", a));
        assertFalse(flight.running("admin"), "forgotten when done");
        assertEquals("again", flight.run("admin", () -> "again"), "a later call computes afresh");
    }

    @Test
    void aFailureIsSharedAndNotKept() throws Exception {
        IllegalStateException boom = new IllegalStateException("hash limit");
        AtomicReference<Throwable> leaderGot = new AtomicReference<>();
        AtomicReference<Throwable> waiterGot = new AtomicReference<>();
        Thread leader = new Thread(() -> {
            try {
                flight.run("k", () -> {
                    slow("x");
                    throw boom;
                });
            } catch (RuntimeException e) {
                leaderGot.set(e);
            }
        });
        leader.start();
        while (!flight.running("k")) {
            Thread.onSpinWait();
        }
        Thread waiter = new Thread(() -> {
            try {
                flight.run("k", () -> "own");
            } catch (RuntimeException e) {
                waiterGot.set(e);
            }
        });
        waiter.start();
        while (waiter.getState() != Thread.State.WAITING) {
            Thread.sleep(1);
        }
        release.countDown();
        leader.join();
        waiter.join();
        assertSame(boom, leaderGot.get());
        assertSame(boom, waiterGot.get(), "the waiter gets the leader's failure, not a computation of its own");
        assertEquals(1, computed.get());
        assertEquals("fresh", flight.run("k", () -> "fresh"), "a failure is not kept");
    }

    @Test
    void differentKeysDoNotWaitForEachOther() {
        assertEquals("a", flight.run("a", () -> flight.run("b", () -> "b").replace("b", "a")));
    }
}
