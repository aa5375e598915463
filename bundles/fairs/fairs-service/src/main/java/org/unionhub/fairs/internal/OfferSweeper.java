package org.unionhub.fairs.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes lapsed stall offers on to the next in line even when nobody reads or writes the fair; reads and writes
 * also do it on their own, so this only bounds how long a lapsed offer can sit unnoticed.
 */
@Component(immediate = true, configurationPid = "org.unionhub.fairs")
public class OfferSweeper {

    private final Logger logger = LoggerFactory.getLogger(OfferSweeper.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "unionhub-fairs-offers");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public OfferSweeper(@Reference FairsServiceImpl fairs, ModuleConfig config) {
        long every = Math.max(5, config.offer_check_seconds());
        timer.scheduleWithFixedDelay(() -> {
            try {
                fairs.expireAllDue();
            } catch (RuntimeException e) {
                logger.warn("Could not pass on lapsed stall offers: {}", e.toString());
            }
        }, every, every, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        timer.shutdownNow();
    }
}
