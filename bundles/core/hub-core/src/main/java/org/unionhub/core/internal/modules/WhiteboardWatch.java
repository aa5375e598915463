package org.unionhub.core.internal.modules;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restarts the Aries JAX-RS whiteboard when it has lost a module: the module's bundles have registered all their
 * resources, yet for {@value #STUCK_SECONDS} s the whiteboard's runtime view has not put them in the module's
 * application; or when that view itself has failed every call for as long (after the same race its runtime answered
 * with a NullPointerException for minutes, BackupRestoreIT's restored hub never became ready); or when the view says
 * the core's application is served while {@code /api/health/live} over the loopback answers 404 (Pax Web lost the
 * servlet while rebuilding its server controller at start-up: CXF's "No service was found" for good in
 * DeploymentSecurityIT). The probe runs only until {@code /api} first answers. Seen at start-up under load: a {@code ConcurrentModificationException} in the whiteboard's service
 * tracking (Aries component DSL, on Pax Web's configuration thread) drops an event, and the module stays unserved, so
 * health says STARTING for good. A restart of the whiteboard bundle makes it track every application and resource
 * afresh. At most {@value #MAX_RESTARTS} times per run, so a resource the whiteboard refuses for a reason of its own
 * (a failed DTO) is logged, not restarted for ever; a module being updated in place is left to the update.
 */
@Component(immediate = true)
public class WhiteboardWatch {

    static final String WHITEBOARD = "org.apache.aries.jax.rs.whiteboard";
    static final int STUCK_SECONDS = 45;
    static final int MAX_RESTARTS = 3;
    /** What the log names when the whiteboard's runtime view itself fails, rather than a module. */
    static final String BROKEN_VIEW = "its runtime view";
    /** What the log names when the view says /api is served but a request over the loopback gets a 404. */
    static final String LOST_SERVLET = "/api, which answers 404 over the loopback";
    private static final Logger LOG = LoggerFactory.getLogger(WhiteboardWatch.class);

    private final BundleContext context;
    private final ModuleApplications apps;
    private final RequestGate gate;
    private final Map<String, Long> stuckSince = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "unionhub-whiteboard-watch");
        t.setDaemon(true);
        return t;
    });
    private int restarts;
    private final LiveProbe probe = new LiveProbe();
    private volatile boolean probing = true;
    /** The change key at which the last look found nothing stuck; null when it found something. */
    private Object quietSince;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ConfigurationAdmin cm;

    @Activate
    public WhiteboardWatch(BundleContext context, @Reference ModuleApplications apps, @Reference RequestGate gate) {
        this.context = context;
        this.apps = apps;
        this.gate = gate;
        timer.scheduleWithFixedDelay(this::look, 5, 5, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        timer.shutdownNow();
    }

    private void look() {
        try {
            long now = System.nanoTime();
            Object key = apps.changeKey();
            if (!probing && key.equals(quietSince)) {
                // nothing came or went since a look found nothing stuck: the view (a reflective walk over every
                // resource, 16 MB of garbage) would say the same, and an idle hub would allocate 3 MB a second
                return;
            }
            ModuleApplications.Look look = apps.look();
            Set<String> stuck = new TreeSet<>(look.registeredButNotServed());
            stuck.removeIf(gate::updating);
            if (look.broken()) {
                // after the start-up race the runtime answered every call for its view with a NullPointerException
                stuck.add(BROKEN_VIEW);
            }
            if (probing && look.coreServed()) {
                int live = probe.status(cm);
                probing = live != 200; // the race is one of the start: once /api answers, the probe stops
                if (live == 404) {
                    stuck.add(LOST_SERVLET);
                }
            }
            quietSince = stuck.isEmpty() ? key : null;
            stuckSince.keySet().retainAll(stuck);
            stuck.forEach(m -> stuckSince.putIfAbsent(m, now));
            boolean overdue = stuckSince.values().stream().anyMatch(t -> now - t >= TimeUnit.SECONDS.toNanos(STUCK_SECONDS));
            if (overdue && restarts < MAX_RESTARTS) {
                restart(stuck);
            }
        } catch (RuntimeException e) {
            LOG.debug("whiteboard watch", e);
        }
    }

    private void restart(Set<String> modules) {
        for (Bundle b : context.getBundles()) {
            if (WHITEBOARD.equals(b.getSymbolicName()) && b.getState() == Bundle.ACTIVE) {
                restarts++;
                LOG.warn("the JAX-RS whiteboard has been stuck for {} s on {} (modules whose resources are all registered "
                        + "but not served, or its failing view); restarting it ({} of at most {})", STUCK_SECONDS, modules,
                        restarts, MAX_RESTARTS);
                try {
                    b.stop(Bundle.STOP_TRANSIENT);
                    b.start(Bundle.START_TRANSIENT);
                } catch (Exception e) {
                    LOG.warn("restarting the JAX-RS whiteboard failed", e);
                }
                stuckSince.clear();
                return;
            }
        }
    }
}
