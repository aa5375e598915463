package org.unionhub.core.internal.memory;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the heap an idle hub grew under load back to the system. The serial collector that bin/setenv chooses
 * shrinks its heap only in a full collection, and an idle hub makes none: after a province's rush the heap stayed
 * at the 194 MB it grew to, and the idle hub's RSS at 1.31 × the empty hub's (docs/measurements.md, issue 18).
 * What {@code -XX:G1PeriodicGCInterval} does for G1, this does for the serial collector: once no young collection
 * has happened for two checks in a row (nothing allocates, so no request is being served), one full collection,
 * after which the heap shrinks to {@code -XX:MaxHeapFreeRatio}. Not again until the hub has been busy.
 */
@Component(immediate = true)
public class IdleHeap {

    static final long CHECK_SECONDS = 30;
    /** Below this much above the initial heap, a collection gives back too little to be worth its pause. */
    static final long SLACK_BYTES = 16L << 20;

    private final Logger logger = LoggerFactory.getLogger(IdleHeap.class);
    private final Idleness idleness = new Idleness(2);
    private ScheduledExecutorService timer;

    @Activate
    void start() {
        GarbageCollectorMXBean young = youngOfSerial();
        if (young == null) {
            // another collector: G1 has its own periodic collection, the others are the administrator's choice
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "unionhub-idle-heap");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> check(young), CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private void check(GarbageCollectorMXBean young) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        if (idleness.collectNow(young.getCollectionCount(), heap.getCommitted() > heap.getInit() + SLACK_BYTES)) {
            ManagementFactory.getMemoryMXBean().gc();
            MemoryUsage after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            logger.info("Idle: heap collected, committed {} MB → {} MB", heap.getCommitted() >> 20, after.getCommitted() >> 20);
        }
    }

    /** The serial collector's young generation ("Copy"), or null under any other collector. */
    private static GarbageCollectorMXBean youngOfSerial() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if ("Copy".equals(gc.getName())) {
                return gc;
            }
        }
        return null;
    }
}
