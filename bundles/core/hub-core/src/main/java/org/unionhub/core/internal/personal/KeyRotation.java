package org.unionhub.core.internal.personal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.db.DatabaseException;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.personal.KeyRotationReport;
import org.unionhub.api.personal.PersonalData;
import org.unionhub.api.personal.PersonalDataKeys;
import org.unionhub.api.personal.SealedColumn;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.core.internal.security.PersonalDataCipherImpl;

/**
 * Rotates the personal-data key while the hub serves. The cipher switches to a new key at once (the old one waits in
 * {@code <key file>.old} and still opens what it sealed); then every sealed column every installed module declares is
 * read in batches of {@value KeyRotationStore#BATCH} rows and each value not yet under the new key is sealed again,
 * with its blind index rebuilt, by a conditional update (a concurrent write, already under the new key, wins). A last
 * pass after a short grace period catches writes that were in flight at the switch; only when a pass finds nothing
 * left is the old key destroyed. A crash leaves both key files: the next rotation resumes (rows under the new key are
 * skipped: GCM tells which key sealed a value). Between the switch and a row's turn, an exact search by ID number
 * does not find that row: the window lasts as long as the pass, a few seconds for a city's members.
 */
@Component(service = {KeyRotation.class, PersonalDataKeys.class})
public class KeyRotation implements PersonalDataKeys {

    private static final long GRACE_MILLIS = 2000;
    private static final int PASSES = 5;

    private final Logger logger = LoggerFactory.getLogger(KeyRotation.class);
    private final ModuleDatabase db;
    private final AuditLog audit;
    private final PersonalDataModules modules;
    private final PersonalDataCipherImpl cipher;

    @Activate
    public KeyRotation(@Reference(target = "(unionhub.module=core)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference PersonalDataModules modules, @Reference PersonalDataCipherImpl cipher) {
        this.db = db;
        this.audit = audit;
        this.modules = modules;
        this.cipher = cipher;
    }

    @Override
    public String keyId() {
        return cipher.keyId();
    }

    @Override
    public synchronized KeyRotationReport rotate(String actor) {
        long started = System.currentTimeMillis();
        String oldId = cipher.keyId();
        boolean resumed;
        try {
            resumed = !cipher.beginRotation();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the new key", e);
        }
        Caller caller = new Caller(actor, java.util.Set.of(Roles.ADMIN), null, null);
        record(caller, "core.personaldata.key.rotate-start", Map.of("resumed", resumed, "keyId", cipher.keyId()));
        logger.info("Personal-data key rotation {}: new key {}", resumed ? "resumed" : "started", cipher.keyId());
        Map<String, Long> resealed = new LinkedHashMap<>();
        List<SealedColumn> columns = modules.inOrder().stream().flatMap(p -> p.sealedColumns().stream()).toList();
        long left = 1;
        for (int pass = 0; pass < PASSES && left > 0; pass++) {
            if (pass > 0) {
                sleep();
            }
            left = 0;
            for (SealedColumn s : columns) {
                long done = reseal(s);
                left += done;
                resealed.merge(s.table() + "." + s.sealedColumn(), done, Long::sum);
            }
        }
        if (left > 0) {
            throw HubException.conflict("values were still being written under the old key after " + PASSES
                    + " passes; run the rotation again (it resumes)");
        }
        try {
            cipher.finishRotation();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot destroy the old key", e);
        }
        KeyRotationReport report = new KeyRotationReport(resumed ? "(resumed)" : oldId, cipher.keyId(), resumed,
                resealed, System.currentTimeMillis() - started);
        record(caller, "core.personaldata.key.rotate-finish", Map.of("keyId", report.newKeyId(), "resealed", resealed));
        logger.info("Personal-data key rotation finished in {} ms: key {}, old key destroyed, {}", report.millis(),
                report.newKeyId(), resealed);
        return report;
    }

    /** Seals again every value of {@code s} not under the current key; answers how many. */
    private long reseal(SealedColumn s) {
        long count = 0;
        long after = Long.MIN_VALUE;
        while (true) {
            long from = after;
            List<KeyRotationStore.Row> rows = db.read(c -> KeyRotationStore.batch(c, s, from));
            if (rows.isEmpty()) {
                return count;
            }
            List<KeyRotationStore.Row> stale = rows.stream().filter(r -> !cipher.sealedWithCurrentKey(r.sealed())).toList();
            try {
                count += db.inTransaction(c -> {
                    int n = 0;
                    for (KeyRotationStore.Row r : stale) {
                        String plain = cipher.decrypt(r.sealed());
                        String index = r.index() == null || !r.index().startsWith(s.indexPrefix()) ? r.index()
                                : s.indexPrefix() + cipher.blindIndex(plain);
                        n += KeyRotationStore.update(c, s, r, cipher.encrypt(plain), index);
                    }
                    return n;
                });
            } catch (DatabaseException e) {
                throw HubException.conflict(s.table() + ": " + e.getMessage()
                        + " (two rows now hold the same number; resolve it, then run the rotation again)");
            }
            after = rows.get(rows.size() - 1).id();
        }
    }

    private void record(Caller caller, String action, Map<String, ?> changes) {
        db.inTransaction(c -> {
            audit.record(c, caller, action, "personal-data-key", cipher.keyId(), changes);
            return null;
        });
    }

    private static void sleep() {
        try {
            Thread.sleep(GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
