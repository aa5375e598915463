package org.unionhub.core.internal.personal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.personal.PersonalData;
import org.unionhub.api.personal.RetentionKind;
import org.unionhub.api.security.Caller;

/**
 * The retention job: for every kind of record an installed module declares, purges what is older than its period
 * (the region's days from {@code etc/org.unionhub.<module>.retention.cfg}, else the module's default) and writes a
 * report. Runs every {@code interval.hours} (PID {@value #PID}, default 24; 0 = only when an admin asks) and on
 * {@code POST /api/admin/retention/runs}. Settings are read from Config Admin at each run, so a changed period or clock
 * applies to the next run without a restart. {@code clock.offset.days} moves the job's clock forward: an administrator
 * rehearses what a purge would do on a copy of the data, and the tests age their records that way.
 */
@Component(service = Retention.class, immediate = true)
public class Retention {

    static final String PID = "org.unionhub.retention";
    private static final int REPORTS_LISTED = 20;

    private final Logger logger = LoggerFactory.getLogger(Retention.class);
    private final ModuleDatabase db;
    private final AuditLog audit;
    private final PersonalDataModules modules;
    private final ConfigurationAdmin configs;
    private final ReentrantLock running = new ReentrantLock();
    private final ScheduledExecutorService scheduler;

    @Activate
    public Retention(@Reference(target = "(unionhub.module=core)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference PersonalDataModules modules, @Reference ConfigurationAdmin configs) {
        this.db = db;
        this.audit = audit;
        this.modules = modules;
        this.configs = configs;
        long hours = number(properties(PID), "interval.hours", 24);
        if (hours > 0) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "unionhub-retention");
                t.setDaemon(true);
                return t;
            });
            scheduler.scheduleWithFixedDelay(this::scheduled, hours, hours, TimeUnit.HOURS);
        } else {
            scheduler = null;
        }
    }

    @Deactivate
    void deactivate() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** Every declared kind of record with the days in force. */
    public List<RetentionRule> rules() {
        List<RetentionRule> out = new ArrayList<>();
        for (PersonalData p : modules.inOrder()) {
            Dictionary<String, Object> own = properties("org.unionhub." + p.module() + ".retention");
            for (RetentionKind k : p.retentionKinds()) {
                int days = (int) Math.max(0, number(own, k.kind() + ".days", k.defaultDays()));
                out.add(new RetentionRule(p.module(), k.kind(), k.records(), days, k.defaultDays(), k.legalReason()));
            }
        }
        return out;
    }

    public List<PurgeReport> reports() {
        return db.read(c -> PurgeStore.latest(c, REPORTS_LISTED));
    }

    /** Purges every kind now (as of the job's clock) and answers the report; 409 while another run is under way. */
    public PurgeReport run(Caller caller) {
        if (!running.tryLock()) {
            throw HubException.conflict("a purge is running; try again when it has finished");
        }
        try {
            Instant ranAt = Instant.now();
            Instant asOf = ranAt.plus(Duration.ofDays(number(properties(PID), "clock.offset.days", 0)));
            List<PurgeReport.Line> lines = new ArrayList<>();
            long total = 0;
            for (RetentionRule r : rules()) {
                PersonalData module = modules.inOrder().stream().filter(p -> p.module().equals(r.module())).findFirst()
                        .orElse(null);
                if (module == null) {
                    continue; // uninstalled meanwhile
                }
                Instant cutoff = asOf.minus(Duration.ofDays(r.days()));
                int changed = module.purge(r.kind(), cutoff);
                total += changed;
                lines.add(new PurgeReport.Line(r.module(), r.kind(), r.days(), cutoff, changed));
            }
            PurgeReport draft = new PurgeReport(0, ranAt, asOf, caller.username(), total, lines);
            long rows = total;
            long id = db.inTransaction(c -> {
                long runId = PurgeStore.insert(c, draft);
                audit.record(c, caller, "core.retention.purge", "purge", runId, Map.of("rowsChanged", rows,
                        "asOf", asOf.toString()));
                return runId;
            });
            logger.info("Retention purge {} as of {}: {} rows changed", id, asOf, total);
            return new PurgeReport(id, ranAt, asOf, caller.username(), total, lines);
        } finally {
            running.unlock();
        }
    }

    private void scheduled() {
        try {
            run(Caller.SYSTEM);
        } catch (RuntimeException e) {
            logger.error("Scheduled retention purge failed", e);
        }
    }

    private Dictionary<String, Object> properties(String pid) {
        try {
            Configuration[] found = configs.listConfigurations("(service.pid=" + pid + ")");
            return found == null || found.length == 0 ? null : found[0].getProperties();
        } catch (IOException | InvalidSyntaxException e) {
            logger.warn("Cannot read configuration {}: {}", pid, e.getMessage());
            return null;
        }
    }

    private long number(Dictionary<String, Object> props, String key, long fallback) {
        Object v = props == null ? null : props.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.toString().trim());
        } catch (NumberFormatException e) {
            logger.warn("Retention setting {} = '{}' is not a whole number; using {}", key, v, fallback);
            return fallback;
        }
    }
}
