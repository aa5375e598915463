package org.unionhub.metrics.internal;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.HubStatus;
import org.unionhub.api.ModuleState;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * The hub's own state as gauges: each module's state ({@code unionhub_module_up}), migrations applied per module,
 * sign-in failures (from the audit), whether the database answers, the request gate (hub-core's MBean
 * {@code org.unionhub:type=RequestGate}), and the HikariCP pool (read from the pool's
 * MBean, which {@code hikari.registerMbeans} turns on: pax-jdbc builds the pool, so Hikari's Micrometer tracker
 * cannot be handed to it). What needs the database is read every {@code refresh.seconds} in the background, so
 * a scrape costs no query.
 */
@Component(immediate = true, configurationPid = MetricsConfig.PID)
public class HubGauges {

    private static final String POOL = "com.zaxxer.hikari:type=Pool (unionhub)";
    /** Published by hub-core's RequestGateMetrics. */
    private static final String GATE = "org.unionhub:type=RequestGate";

    private final Logger logger = LoggerFactory.getLogger(HubGauges.class);
    private final HubStatus status;
    private final DataSource dataSource;
    private final MultiGauge modules;
    private final MultiGauge migrations;
    private final AtomicLong signInFailures = new AtomicLong();
    private final AtomicLong databaseUp = new AtomicLong();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "unionhub-metrics");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public HubGauges(@Reference HubMeters meters, @Reference HubStatus status,
            @Reference(target = "(dataSourceName=unionhub)") DataSource dataSource, MetricsConfig config) {
        this.status = status;
        this.dataSource = dataSource;
        var registry = meters.registry();
        modules = MultiGauge.builder("unionhub.module.up").description("1 while the module serves (ACTIVE), else 0")
                .register(registry);
        migrations = MultiGauge.builder("unionhub.migrations.applied").description("Migrations applied, per module")
                .register(registry);
        FunctionCounter.builder("unionhub.signin.failures", signInFailures, AtomicLong::doubleValue)
                .description("Failed sign-ins (the audit's core.signin.failure)").register(registry);
        Gauge.builder("unionhub.database.up", databaseUp, AtomicLong::doubleValue).register(registry);
        MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
        for (String attribute : List.of("ActiveConnections", "IdleConnections", "TotalConnections", "ThreadsAwaitingConnection")) {
            Gauge.builder("unionhub.db.pool." + attribute.replaceAll("([a-z])([A-Z])", "$1.$2").toLowerCase(), jmx,
                    s -> attribute(s, POOL, attribute)).description("HikariCP pool of the hub database: " + attribute)
                    .register(registry);
        }
        Gauge.builder("unionhub.gate.waiting", jmx, s -> attribute(s, GATE, "Waiting"))
                .description("Requests waiting for a module being updated").register(registry);
        Gauge.builder("unionhub.gate.modules.held", jmx, s -> attribute(s, GATE, "ModulesHeld"))
                .description("Modules being updated, their requests held").register(registry);
        FunctionCounter.builder("unionhub.gate.refused", jmx, s -> attribute(s, GATE, "Refused"))
                .description("Requests the gate answered 503 itself (never reaching a module)").register(registry);
        int every = Math.max(1, config.refresh_seconds());
        refresher.scheduleWithFixedDelay(this::refresh, 0, every, TimeUnit.SECONDS);
    }

    @Deactivate
    void stop() {
        refresher.shutdownNow();
    }

    private static double attribute(MBeanServer jmx, String bean, String attribute) {
        try {
            return ((Number) jmx.getAttribute(new ObjectName(bean), attribute)).doubleValue();
        } catch (Exception notThere) {
            return Double.NaN;
        }
    }

    private void refresh() {
        try {
            List<MultiGauge.Row<?>> rows = new ArrayList<>();
            for (ModuleState m : status.modules()) {
                rows.add(MultiGauge.Row.of(Tags.of("module", m.id(), "state", m.state()), ModuleState.ACTIVE.equals(m.state()) ? 1 : 0));
            }
            modules.register(rows, true);
            readDatabase();
        } catch (RuntimeException e) {
            logger.debug("metrics refresh failed", e);
        }
    }

    private void readDatabase() {
        List<MultiGauge.Row<?>> applied = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT MODULE, COUNT(*) FROM HUB_SCHEMA_HISTORY GROUP BY MODULE")) {
                while (rs.next()) {
                    applied.add(MultiGauge.Row.of(Tags.of("module", rs.getString(1)), rs.getLong(2)));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM HUB_AUDIT WHERE ACTION = 'core.signin.failure'")) {
                rs.next();
                signInFailures.set(rs.getLong(1));
            }
            databaseUp.set(1);
        } catch (SQLException e) {
            databaseUp.set(0);
            logger.debug("metrics: database not readable", e);
        }
        migrations.register(applied, true);
    }
}
