package org.unionhub.core.internal.modules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;
import org.unionhub.api.HubModule;
import org.unionhub.api.db.ModuleDatabase;

/**
 * Keeps members' requests whole while a module is replaced. The JAX-RS whiteboard rebuilds the whole
 * {@code /api} application whenever a resource comes or goes, and a module being updated has no resources
 * for a few seconds; without this gate both answer 404. The gate
 * <ul>
 * <li>holds a module's new requests from the moment its bundle begins to stop (an update, a restart) until
 *     the module is back, and lets the running ones finish before the bundle's services go;</li>
 * <li>answers again, after a short pause, a request that found the application being rebuilt or an
 *     expected module without its resources — both before any of the request body was read;</li>
 * <li>answers {@code 503} with {@code Retry-After} when the module is still away after {@link #MAX_HOLD_MS}.</li>
 * </ul>
 * A module that is not expected (disabled, never installed) gets its 404 at once.
 */
@Component(service = {Filter.class, RequestGate.class})
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=context.for.default)")
public class RequestGate implements Filter, SynchronousBundleListener {

    /** How long a request may wait for its module; then it gets 503 and Retry-After. */
    static final long MAX_HOLD_MS = 5_000;
    /** How many requests may wait at once; beyond it, 503 at once, so waiting never starves the server's threads. */
    static final int MAX_PARKED = 48;
    static final long MAX_HELD_MS = 60_000;
    static final long RECENT_MS = 5_000;
    private static final long PAUSE_MS = 25;

    /** REST root segment (e.g. {@code mutual-aid}) → module id, remembered after the module goes. */
    private final Map<String, String> roots = new ConcurrentHashMap<>();
    private final Map<String, Long> changedAt = new ConcurrentHashMap<>();
    private final Set<String> serving = ConcurrentHashMap.newKeySet();
    /** Module → since when its requests wait. */
    private final Map<String, Long> held = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger parked = new AtomicInteger();
    private final java.util.concurrent.ExecutorService releaser =
            java.util.concurrent.Executors.newCachedThreadPool(r -> new Thread(r, "unionhub-gate"));
    private volatile Set<String> expected = Set.of();

    private BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        context.addBundleListener(this);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(this);
        releaser.shutdownNow();
        held.clear();
        synchronized (this) {
            notifyAll();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindModule(HubModule module, ServiceReference<HubModule> ref) {
        String root = module.restRoot();
        roots.put(root.substring(root.lastIndexOf('/') + 1), module.id());
        serving.add(module.id());
        if (!held.containsKey(module.id())) {
            return;
        }
        Bundle bundle = ref.getBundle();
        long started = System.currentTimeMillis();
        long until = started + 10_000;
        // keep holding until the whiteboard serves the module's resources, so its requests wait parked, not retried
        releaser.execute(() -> {
            try {
                while (bundle != null && System.currentTimeMillis() < until) {
                    int state = resourcesServed(bundle);
                    // resources may register a moment after the descriptor: give them 2 s to show up
                    if (state > 0 || state < 0 && System.currentTimeMillis() - started > 2_000) {
                        break;
                    }
                    Thread.sleep(PAUSE_MS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                release(module.id());
            }
        });
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile JaxrsServiceRuntime runtime;

    /** 1 when every JAX-RS resource {@code bundle} registered is in the whiteboard's runtime view, 0 when not yet, -1 when it has none. */
    private int resourcesServed(Bundle bundle) {
        JaxrsServiceRuntime jaxrs = runtime;
        ServiceReference<?>[] registered = bundle.getRegisteredServices();
        if (jaxrs == null) {
            return 1;
        }
        if (registered == null) {
            return -1;
        }
        Set<Long> wanted = new java.util.HashSet<>();
        for (ServiceReference<?> r : registered) {
            if (Boolean.parseBoolean(String.valueOf(r.getProperty("osgi.jaxrs.resource")))) {
                wanted.add((Long) r.getProperty("service.id"));
            }
        }
        if (wanted.isEmpty()) {
            return -1;
        }
        RuntimeDTO dto = jaxrs.getRuntimeDTO();
        Set<Long> served = new java.util.HashSet<>();
        java.util.List<ApplicationDTO> apps = new java.util.ArrayList<>(java.util.Arrays.asList(dto.applicationDTOs));
        apps.add(dto.defaultApplication);
        for (ApplicationDTO app : apps) {
            if (app != null && app.resourceDTOs != null) {
                for (ResourceDTO r : app.resourceDTOs) {
                    served.add(r.serviceId);
                }
            }
        }
        return served.containsAll(wanted) ? 1 : 0;
    }

    /** Called on the thread that stops the bundle, before it stops: hold, then let the running requests finish. */
    @Override
    public void bundleChanged(BundleEvent event) {
        String module = event.getBundle().getHeaders().get(ModuleDatabase.MODULE_HEADER);
        if (module == null || module.isBlank() || "core".equals(module.trim())) {
            return;
        }
        module = module.trim();
        if (event.getType() == BundleEvent.STOPPING) {
            try {
                hold(module, MAX_HOLD_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else if (event.getType() == BundleEvent.STOPPED && !expected.contains(module)) {
            release(module); // disabled: it is not coming back, so its paths answer 404 at once
        }
    }

    void unbindModule(HubModule module, ServiceReference<HubModule> ref) {
        serving.remove(module.id());
        changedAt.put(module.id(), System.currentTimeMillis());
    }

    boolean serving(String moduleId) {
        return serving.contains(moduleId);
    }

    /** The modules of the region's chosen set: their requests wait for them instead of failing. */
    void expect(Set<String> moduleIds) {
        expected = Set.copyOf(moduleIds);
        held.keySet().stream().filter(m -> !expected.contains(m)).toList().forEach(this::release);
    }

    /** New requests of {@code moduleId} wait from now on; returns when the running ones have finished. */
    void hold(String moduleId, long drainMillis) throws InterruptedException {
        held.put(moduleId, System.currentTimeMillis());
        long deadline = System.currentTimeMillis() + drainMillis;
        AtomicInteger running = inFlight.computeIfAbsent(moduleId, k -> new AtomicInteger());
        while (running.get() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(PAUSE_MS);
        }
    }

    void release(String moduleId) {
        held.remove(moduleId);
        changedAt.put(moduleId, System.currentTimeMillis());
        synchronized (this) {
            notifyAll();
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletResponse response = (HttpServletResponse) resp;
        ReplayableRequest request = new ReplayableRequest((HttpServletRequest) req);
        String module = moduleOf(request);
        long deadline = System.currentTimeMillis() + MAX_HOLD_MS;
        AtomicInteger running = module == null ? null : inFlight.computeIfAbsent(module, k -> new AtomicInteger());
        try {
            if (module != null && isHeld(module) && !park(() -> awaitRelease(module, deadline))) {
                unavailable(response, module);
                return;
            }
            for (int attempt = 1;; attempt++) {
                HeldResponse held404 = new HeldResponse(response);
                request.removeAttribute(RouteMarks.ENTERED);
                request.removeAttribute(RouteMarks.NO_ROUTE);
                request.rewind();
                boolean again;
                if (running != null) {
                    running.incrementAndGet();
                }
                try {
                    chain.doFilter(request, held404);
                    again = held404.notFound() && worthRetrying(request, module);
                } catch (IOException | ServletException | RuntimeException e) {
                    // CXF fails this way when a request meets the application halfway through its rebuild
                    if (request.getAttribute(RouteMarks.ENTERED) != null || response.isCommitted()) {
                        throw e;
                    }
                    again = true;
                } finally {
                    if (running != null) {
                        running.decrementAndGet();
                    }
                }
                if (!again) {
                    held404.release();
                    return;
                }
                response.reset();
                int tries = attempt;
                if (!request.replayable() || System.currentTimeMillis() > deadline
                        || !park(() -> pause(tries))) {
                    unavailable(response, module);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            unavailable(response, module);
        }
    }

    private static boolean pause(int attempt) throws InterruptedException {
        Thread.sleep(PAUSE_MS * Math.min(attempt, 8));
        return true;
    }

    private interface Wait {
        boolean run() throws InterruptedException;
    }

    /** Waits, unless too many requests wait already: each one keeps a server thread. */
    private boolean park(Wait wait) throws InterruptedException {
        if (parked.incrementAndGet() > MAX_PARKED) {
            parked.decrementAndGet();
            return false;
        }
        try {
            return wait.run();
        } finally {
            parked.decrementAndGet();
        }
    }

    /** A 404 that no resource gave: the application was being rebuilt, or the module is on its way back. */
    private boolean worthRetrying(HttpServletRequest request, String module) {
        if (request.getAttribute(RouteMarks.ENTERED) == null) {
            return true; // CXF had no application to hand the request to: it is being rebuilt
        }
        if (module == null || request.getAttribute(RouteMarks.NO_ROUTE) == null) {
            return false; // an answer of a resource, e.g. an unknown id
        }
        if (!expected.contains(module) && !isHeld(module)) {
            return false;
        }
        Long changed = changedAt.get(module);
        return !serving.contains(module) || changed != null && System.currentTimeMillis() - changed < RECENT_MS;
    }

    /** Held, and not for longer than a module takes to restart: a module that never comes back gets 503s, not waits. */
    private boolean isHeld(String module) {
        Long since = held.get(module);
        return since != null && System.currentTimeMillis() - since < MAX_HELD_MS;
    }

    private boolean awaitRelease(String module, long deadline) throws InterruptedException {
        while (isHeld(module)) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return false;
            }
            synchronized (this) {
                if (isHeld(module)) {
                    wait(Math.min(left, 250));
                }
            }
        }
        return true;
    }

    private String moduleOf(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null || path.length() < 2) {
            return null;
        }
        int end = path.indexOf('/', 1);
        String segment = end < 0 ? path.substring(1) : path.substring(1, end);
        return roots.get(segment);
    }

    private static void unavailable(HttpServletResponse response, String module) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(503);
        response.setHeader("Retry-After", "2");
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        String detail = "module " + module + " is being updated; send the request again shortly";
        response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                + "\"detail\":\"" + detail + "\",\"errors\":[]}").getBytes(StandardCharsets.UTF_8));
    }
}
