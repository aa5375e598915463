package org.unionhub.core.internal.idempotency;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.FieldError;
import org.unionhub.api.HubException;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.web.IdempotentRequests;

/**
 * Keys in {@code HUB_IDEMPOTENCY}. A duplicate that arrives while the first request runs waits for its answer
 * (polling, up to {@link #WAIT}) rather than failing: the console's double click then gets the same 201 twice. A
 * claim left without an answer for {@link #ABANDONED} (the hub stopped mid-request) may be taken over. Answers older
 * than {@link IdempotentRequests#RETENTION_HOURS} hours are swept at most every {@link #SWEEP_EVERY}.
 */
@Component(service = IdempotentRequests.class)
public class IdempotentRequestsImpl implements IdempotentRequests {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final Duration ABANDONED = Duration.ofMinutes(5);
    static final Duration SWEEP_EVERY = Duration.ofMinutes(10);

    private final Logger logger = LoggerFactory.getLogger(IdempotentRequestsImpl.class);
    private final ModuleDatabase db;
    private volatile Instant lastSweep = Instant.EPOCH;

    @Activate
    public IdempotentRequestsImpl(@Reference(target = "(unionhub.module=core)") ModuleDatabase db) {
        this.db = db;
    }

    @Override
    public Optional<Answer> begin(Claim claim) {
        sweepNowAndThen();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Instant now = Instant.now();
            if (db.read(c -> IdempotencyStore.insert(c, claim, now))) {
                return Optional.empty();
            }
            Optional<IdempotencyStore.Row> row = db.read(c -> IdempotencyStore.find(c, claim));
            if (row.isEmpty()) {
                continue; // released or swept between the insert and the read: claim it again
            }
            IdempotencyStore.Row r = row.get();
            if (!r.bodyHash().equals(claim.bodyHash())) {
                throw new HubException(422, "Invalid request", HEADER + ": the key was used for another request body",
                        List.of(new FieldError(HEADER, "was used for another request body")));
            }
            if (r.answer() != null) {
                return Optional.of(r.answer());
            }
            if (r.createdAt().isBefore(now.minus(ABANDONED))
                    && db.read(c -> IdempotencyStore.takeOver(c, claim, r.createdAt(), now))) {
                return Optional.empty();
            }
            if (System.nanoTime() > deadline) {
                throw new HubException(409, "Conflict", "IDEMPOTENCY_IN_PROGRESS: a request with this "
                        + HEADER + " is still running", List.of(new FieldError(HEADER, "is still in use by a running request")));
            }
            pause();
        }
    }

    @Override
    public void finish(Claim claim, Answer answer) {
        db.read(c -> {
            IdempotencyStore.answer(c, claim, answer);
            return null;
        });
    }

    @Override
    public void release(Claim claim) {
        db.read(c -> {
            IdempotencyStore.delete(c, claim);
            return null;
        });
    }

    private void sweepNowAndThen() {
        Instant now = Instant.now();
        if (lastSweep.plus(SWEEP_EVERY).isAfter(now)) {
            return;
        }
        lastSweep = now;
        int gone = db.read(c -> IdempotencyStore.sweep(c, now, Duration.ofHours(RETENTION_HOURS)));
        if (gone > 0) {
            logger.debug("Swept {} idempotency keys older than {} hours", gone, RETENTION_HOURS);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw HubException.unavailable("interrupted while waiting for the first request with this key");
        }
    }
}
