package org.unionhub.core.internal.modules;

/** The request gate as a JMX MBean {@code org.unionhub:type=RequestGate}: read by the metrics bundle, and by jconsole. */
public interface RequestGateMetricsMBean {

    /** Requests waiting now for a module being updated. */
    int getWaiting();

    /** Requests the gate answered 503 since the start (module updated too long, not serving, too many waiting). */
    long getRefused();

    /** Modules whose requests are held now (being updated). */
    int getModulesHeld();
}
