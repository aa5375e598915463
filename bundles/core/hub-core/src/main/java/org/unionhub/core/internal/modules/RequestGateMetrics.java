package org.unionhub.core.internal.modules;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.ObjectName;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.LoggerFactory;

/**
 * Publishes the request gate's figures as the MBean {@code org.unionhub:type=RequestGate}. JMX rather than a
 * Micrometer dependency of the core: the metrics bundle reads it as it reads the database pool's MBean.
 */
@Component(immediate = true)
public class RequestGateMetrics implements RequestGateMetricsMBean {

    static final String NAME = "org.unionhub:type=RequestGate";
    private final RequestGate gate;

    @Activate
    public RequestGateMetrics(@Reference RequestGate gate) {
        this.gate = gate;
        try {
            ObjectName name = new ObjectName(NAME);
            var server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(this, name);
        } catch (JMException e) {
            LoggerFactory.getLogger(RequestGateMetrics.class).warn("Cannot publish {}: {}", NAME, e.toString());
        }
    }

    @Deactivate
    void stop() {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(new ObjectName(NAME));
        } catch (JMException gone) {
            // not registered
        }
    }

    @Override
    public int getWaiting() {
        return gate.waiting();
    }

    @Override
    public long getRefused() {
        return gate.refused();
    }

    @Override
    public int getModulesHeld() {
        return gate.modulesHeld();
    }
}
