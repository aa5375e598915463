package org.unionhub.core.internal.modules;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.ws.rs.core.Application;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.db.ModuleDatabase;

/**
 * One JAX-RS application per module on the Aries whiteboard, so that a module coming, going or being
 * updated rebuilds only its own application. The core registers them, not the modules: an application
 * registered by the module's bundle would vanish with it during an update, and with it the module's servlet,
 * so that requests would fall through to the core's application and get 404s. Kept here, the application
 * (name {@code unionhub.<id>}, at {@code /api/<root>}) lives from the module bundle's install to its uninstall,
 * across updates; the module's resources select it with
 * {@code @JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.<id>)")}.
 * <p>
 * The whiteboard gives each application its own servlet context ({@code /api/fairs}); {@link ModuleRoots} keeps
 * Jetty from answering a module's root itself ({@code /api/fairs}) with a redirect. The core's application
 * ({@code unionhub.core}) has base {@code /api}; the whiteboard's default one has a base of its own (see hub-web's
 * {@code UnselectedResources}). Every hub application has
 * {@code unionhub.app=true}: hub-web's JSON, problem+json and authentication extensions select it; module
 * applications have {@code unionhub.app.module=<id>}, which their servlet contexts inherit and the request gate's
 * filters ({@link ModuleGateFilters}) select.
 */
@Component(service = ModuleApplications.class, immediate = true)
public class ModuleApplications implements BundleTrackerCustomizer<String> {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleApplications.class);

    /** Optional manifest header of a module bundle: its REST root below {@code /api} when it is not the module id. */
    public static final String ROOT_HEADER = "UnionHub-Rest-Root";
    static final String PREFIX = "unionhub.";
    /** Property of a module's application, its module id; the application's servlet context inherits it. */
    static final String MODULE_PROPERTY = "unionhub.app.module";

    private final BundleContext context;
    private final ServiceRegistration<Application> core;
    private final Map<String, ServiceRegistration<Application>> apps = new ConcurrentHashMap<>();
    /** Module id → ids of the bundles that declare it (two during a side-by-side upgrade). */
    private final Map<String, Set<Long>> bundles = new ConcurrentHashMap<>();
    /** REST root (e.g. {@code mutual-aid}) → module id; remembered after the module goes. */
    private final Map<String, String> roots = new ConcurrentHashMap<>();
    private final BundleTracker<String> tracker;
    /** The last look at the whiteboard's runtime found one registered that failed every call for its view. */
    private volatile boolean broken;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile JaxrsServiceRuntime runtime;

    /** What the module's bundles declare, so that a resource still waiting for its references counts as missing. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ServiceComponentRuntime components;

    @Activate
    public ModuleApplications(BundleContext context) {
        this.context = context;
        try {
            context.addServiceListener(changed, "(|(objectClass=" + JaxrsServiceRuntime.class.getName()
                    + ")(osgi.jaxrs.resource=true))");
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        this.core = register("core", "/api", false);
        int states = Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING;
        this.tracker = new BundleTracker<>(context, states, this);
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        context.removeServiceListener(changed);
        tracker.close();
        apps.values().forEach(ServiceRegistration::unregister);
        apps.clear();
        core.unregister();
    }

    private ServiceRegistration<Application> register(String id, String base, boolean module) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("osgi.jaxrs.application.base", base);
        props.put("osgi.jaxrs.name", PREFIX + id);
        props.put("unionhub.app", Boolean.TRUE);
        if (module) {
            props.put(MODULE_PROPERTY, id);
        }
        return context.registerService(Application.class, new Application(), props);
    }

    @Override
    public String addingBundle(Bundle bundle, BundleEvent event) {
        String id = moduleOf(bundle);
        if (id == null) {
            return null;
        }
        String root = bundle.getHeaders().get(ROOT_HEADER);
        root = root == null || root.isBlank() ? id : root.trim().replaceAll("^/+|/+$", "");
        roots.put(root, id);
        Set<Long> ids = bundles.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet());
        ids.add(bundle.getBundleId());
        String base = "/api/" + root;
        apps.computeIfAbsent(id, k -> register(k, base, true));
        changes.incrementAndGet();
        return id;
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, String id) {
        // an update keeps the bundle, so it keeps the application: only the module's resources come and go
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, String id) {
        changes.incrementAndGet();
        Set<Long> ids = bundles.get(id);
        if (ids != null) {
            ids.remove(bundle.getBundleId());
            if (ids.isEmpty()) {
                bundles.remove(id);
                ServiceRegistration<Application> reg = apps.remove(id);
                if (reg != null) {
                    reg.unregister();
                }
            }
        }
    }

    static String moduleOf(Bundle bundle) {
        String id = bundle.getHeaders().get(ModuleDatabase.MODULE_HEADER);
        return id == null || id.isBlank() || "core".equals(id.trim()) ? null : id.trim();
    }

    /** The module whose REST root is {@code root} (e.g. {@code mutual-aid}), or null. */
    String moduleAtRoot(String root) {
        return roots.get(root);
    }

    /**
     * True when the whiteboard's runtime view lists every JAX-RS resource the module's bundles registered
     * (at least one) in the module's application: then its requests are answered by its resources.
     */
    public boolean served(String moduleId) {
        return servedModules().contains(moduleId);
    }

    /** The component names of the JAX-RS resources the module's bundles have registered right now. */
    public Set<String> resourceNames(String moduleId) {
        Set<String> names = new HashSet<>();
        Set<Long> ids = bundles.get(moduleId);
        for (long bundleId : ids == null ? Set.<Long>of() : ids) {
            Bundle b = context.getBundle(bundleId);
            ServiceReference<?>[] registered = b == null ? null : b.getRegisteredServices();
            for (ServiceReference<?> r : registered == null ? new ServiceReference<?>[0] : registered) {
                if (Boolean.parseBoolean(String.valueOf(r.getProperty("osgi.jaxrs.resource")))) {
                    names.add(String.valueOf(r.getProperty("component.name")));
                }
            }
        }
        return names;
    }

    /**
     * One look at the whiteboard's runtime view, for {@link WhiteboardWatch}: the modules whose resources are all
     * registered but not served, whether the view failed, and whether it says the core's application serves
     * {@code /api}, all three from one snapshot.
     */
    public record Look(Set<String> registeredButNotServed, boolean broken, boolean coreServed) {
    }

    public Look look() {
        RuntimeDTO view = runtimeView();
        return new Look(registeredButNotServed(view), broken, coreServed(view));
    }

    private static boolean coreServed(RuntimeDTO view) {
        if (view == null) {
            return false;
        }
        for (ApplicationDTO app : view.applicationDTOs) {
            if ((PREFIX + "core").equals(app.name) && app.resourceDTOs != null && app.resourceDTOs.length > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The modules that are {@link #served(String) served}, read from one snapshot of the runtime view. The view costs
     * the whiteboard a reflective walk over every resource class (about 16 MB of garbage per call with five modules),
     * so an answer in which every module is served is kept until the {@link #changeKey() change key} moves; any
     * other answer is looked up afresh each time, so that a module's coming is never missed.
     */
    public Set<String> servedModules() {
        Object key = changeKey();
        Served kept = allServed;
        if (kept != null && kept.key().equals(key)) {
            return kept.modules();
        }
        Set<String> served = servedModules(bundles.isEmpty() ? null : runtimeView());
        allServed = !bundles.isEmpty() && served.containsAll(bundles.keySet()) ? new Served(key, served) : null;
        return served;
    }

    private record Served(Object key, Set<String> modules) {
    }

    private volatile Served allServed;

    /**
     * What the runtime view depends on, without asking for the view: a count raised by every event of the runtime
     * service (the whiteboard raises its {@code service.changecount} on every application, resource or extension
     * that comes or goes), of a JAX-RS resource service, and of a module bundle. Equal keys, the same view. Kept by
     * a listener rather than read from the registry, since a load balancer asks health several times a second.
     */
    public Object changeKey() {
        return changes.get();
    }

    private final AtomicLong changes = new AtomicLong();

    private final ServiceListener changed = event -> changes.incrementAndGet();

    private Set<String> servedModules(RuntimeDTO view) {
        if (view == null) {
            return Set.of();
        }
        Map<String, Set<Long>> served = new HashMap<>();
        for (ApplicationDTO app : view.applicationDTOs) {
            if (app.name != null && app.name.startsWith(PREFIX) && app.resourceDTOs != null) {
                Set<Long> ids = served.computeIfAbsent(app.name.substring(PREFIX.length()), k -> new HashSet<>());
                for (ResourceDTO r : app.resourceDTOs) {
                    ids.add(r.serviceId);
                }
            }
        }
        Set<String> out = new HashSet<>();
        bundles.forEach((moduleId, bundleIds) -> {
            Set<Long> wanted = resourcesOf(bundleIds);
            if (!wanted.isEmpty() && served.getOrDefault(moduleId, Set.of()).containsAll(wanted)
                    && resourceNames(moduleId).containsAll(declaredResources(bundleIds))) {
                out.add(moduleId);
            }
        });
        return out;
    }

    /**
     * The modules whose bundles have registered every resource they declare while the whiteboard's runtime view does
     * not list them all in the module's application: the whiteboard's part of the work is outstanding.
     */
    private Set<String> registeredButNotServed(RuntimeDTO view) {
        if (view == null || bundles.isEmpty()) {
            return Set.of(); // no whiteboard answering yet: nothing it could have lost
        }
        Set<String> served = servedModules(view);
        Set<String> out = new HashSet<>();
        bundles.forEach((moduleId, bundleIds) -> {
            if (!served.contains(moduleId) && !resourcesOf(bundleIds).isEmpty()
                    && resourceNames(moduleId).containsAll(declaredResources(bundleIds))) {
                out.add(moduleId);
            }
        });
        return out;
    }

    /**
     * The whiteboard's runtime view, or null when there is none. A runtime whose whiteboard has been restarted under
     * the bound reference answers every call with a NullPointerException (Aries reads the using bundles of its own,
     * unregistered, service reference): health then answered 500 for minutes on a fresh hub. So a failing bound
     * runtime is passed over for the one registered now, looked up afresh.
     */
    private RuntimeDTO runtimeView() {
        JaxrsServiceRuntime bound = runtime;
        if (bound != null) {
            try {
                return answered(bound.getRuntimeDTO());
            } catch (RuntimeException stale) {
                LOG.debug("the bound JAX-RS runtime failed; looking up the current one", stale);
            }
        }
        ServiceReference<JaxrsServiceRuntime> ref = context.getServiceReference(JaxrsServiceRuntime.class);
        JaxrsServiceRuntime current = ref == null ? null : context.getService(ref);
        if (current == null) {
            return answered(null);
        }
        try {
            return answered(current.getRuntimeDTO());
        } catch (RuntimeException e) {
            if (!broken) {
                LOG.warn("the JAX-RS whiteboard's runtime view failed: {}", e.toString());
            }
            broken = true;
            return null;
        } finally {
            context.ungetService(ref);
        }
    }

    private RuntimeDTO answered(RuntimeDTO view) {
        broken = false;
        return view;
    }

    private Set<Long> resourcesOf(Set<Long> bundleIds) {
        Set<Long> wanted = new HashSet<>();
        for (long bundleId : bundleIds) {
            Bundle b = context.getBundle(bundleId);
            ServiceReference<?>[] registered = b == null ? null : b.getRegisteredServices();
            if (registered != null) {
                for (ServiceReference<?> r : registered) {
                    if (Boolean.parseBoolean(String.valueOf(r.getProperty("osgi.jaxrs.resource")))) {
                        wanted.add((Long) r.getProperty("service.id"));
                    }
                }
            }
        }
        return wanted;
    }

    /**
     * The resource components the module's bundles declare and enable by default: a resource whose references are
     * not satisfied yet (its store still migrating, say) is registered later than the others, and until then the
     * module does not serve, however complete the registered part is.
     */
    private Set<String> declaredResources(Set<Long> bundleIds) {
        ServiceComponentRuntime scr = components;
        Set<String> names = new HashSet<>();
        if (scr == null) {
            return names;
        }
        for (long bundleId : bundleIds) {
            Bundle b = context.getBundle(bundleId);
            if (b == null) {
                continue;
            }
            for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(b)) {
                Object resource = d.properties == null ? null : d.properties.get("osgi.jaxrs.resource");
                if (d.defaultEnabled && !"require".equals(d.configurationPolicy) && Boolean.parseBoolean(String.valueOf(resource))) {
                    names.add(d.name);
                }
            }
        }
        return names;
    }
}
