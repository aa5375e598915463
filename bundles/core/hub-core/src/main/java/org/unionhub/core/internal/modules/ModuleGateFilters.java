package org.unionhub.core.internal.modules;

import java.util.Hashtable;

import javax.servlet.Filter;
import javax.ws.rs.core.Application;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * Puts the {@link RequestGate} in front of each module's servlet context with a filter registration of its own,
 * selecting that one context. One registration selecting every module context would do the same until a module
 * comes or goes: Pax Web's whiteboard then takes a filter whose set of matching contexts changed out of all of them
 * and puts it back, and a request to another module that met the gap was answered 404 "Filter … is unavailable"
 * (the stations example's HotDeployIT, about one run in three). With one registration per context, a module's
 * arrival registers its own filter and leaves the others where they are.
 */
@Component(immediate = true)
public class ModuleGateFilters implements ServiceTrackerCustomizer<Application, ServiceRegistration<Filter>> {

    private final BundleContext context;
    private final RequestGate gate;
    private final ServiceTracker<Application, ServiceRegistration<Filter>> tracker;

    @Activate
    public ModuleGateFilters(BundleContext context, @Reference RequestGate gate) throws InvalidSyntaxException {
        this.context = context;
        this.gate = gate;
        this.tracker = new ServiceTracker<>(context, context.createFilter("(&(objectClass=" + Application.class.getName()
                + ")(" + ModuleApplications.MODULE_PROPERTY + "=*))"), this);
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    @Override
    public ServiceRegistration<Filter> addingService(ServiceReference<Application> app) {
        String module = String.valueOf(app.getProperty(ModuleApplications.MODULE_PROPERTY));
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("osgi.http.whiteboard.filter.name", "unionhub-gate-" + module);
        props.put("osgi.http.whiteboard.filter.pattern", "/*");
        props.put("osgi.http.whiteboard.context.select", "(" + ModuleApplications.MODULE_PROPERTY + "=" + escape(module) + ")");
        props.put("osgi.http.whiteboard.filter.asyncSupported", Boolean.TRUE);
        props.put("osgi.http.whiteboard.filter.dispatcher", new String[] {"REQUEST", "ASYNC"});
        return context.registerService(Filter.class, gate, props);
    }

    @Override
    public void modifiedService(ServiceReference<Application> app, ServiceRegistration<Filter> filter) {
        // an application's module never changes
    }

    @Override
    public void removedService(ServiceReference<Application> app, ServiceRegistration<Filter> filter) {
        filter.unregister();
    }

    /** RFC 1960 escaping of a value inside an LDAP filter. */
    static String escape(String value) {
        return value.replaceAll("([\\\\*()])", "\\\\$1");
    }
}
