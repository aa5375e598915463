package org.unionhub.metrics.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;

/**
 * The hub's one Micrometer registry, in Prometheus form, with Micrometer's own JVM binders (memory, GC, threads,
 * classes, CPU, uptime). The other parts of this bundle add the hub's meters to it.
 */
@Component(service = HubMeters.class)
public class HubMeters {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    @Activate
    public HubMeters() {
        registry.config().commonTags("application", "unionhub");
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    @Deactivate
    void close() {
        gc.close();
        registry.close();
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition format (0.0.4). */
    public String scrape() {
        return registry.scrape();
    }
}
