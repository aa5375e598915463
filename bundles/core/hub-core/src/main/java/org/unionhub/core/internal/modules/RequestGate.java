package org.unionhub.core.internal.modules;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.servlet.AsyncContext;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.unionhub.api.HubModule;

/**
 * Keeps a module's requests whole while it is updated in place. Each module has its own JAX-RS application
 * ({@link ModuleApplications}), which outlives the module bundle's update, so requests to the module keep
 * arriving at its own servlet context ({@code /api/<root>}) while its resources are away. From the moment the module's bundle begins to
 * stop until the whiteboard serves all of its resources again, the gate holds its new requests (at most
 * {@link #MAX_HOLD_MS}) and lets the running ones finish first; then they go on to the new version. A held
 * request is suspended (servlet async) and dispatched again on its release, so waiting takes no server thread: a
 * rush of members during an update cannot starve Jetty's pool, and the number that may wait is not tied to it. Other modules' applications are untouched, so the gate never sees their requests.
 * A module that does not serve (it failed, or is still starting) answers 503 with the reason instead of
 * CXF's plain-text 404. {@link ModuleGateFilters} registers it as a filter on each module's servlet context.
 */
@Component(service = RequestGate.class)
public class RequestGate implements Filter, SynchronousBundleListener {

    /** How long a request may wait for its module; then it gets 503 and Retry-After. */
    static final long MAX_HOLD_MS = 5_000;
    /**
     * How many requests may wait at once; beyond it, 503 at once. A waiting request holds no thread, only its
     * connection and a few objects: at 200 requests a second, a 5 s hold fills 1,000 places.
     */
    static final int MAX_WAITING = 2_000;
    /** A module held longer than this is not coming back: its requests get 503 at once. */
    static final long MAX_HELD_MS = 60_000;
    private static final long PAUSE_MS = 10;
    /** How long the module must look complete before its held requests go on. */
    static final long SETTLE_MS = 200;

    private final ModuleApplications apps;
    private final Set<String> serving = ConcurrentHashMap.newKeySet();
    /** Module → since when its requests wait. */
    private final Map<String, Long> held = new ConcurrentHashMap<>();
    /** Module → the resources it served before it began to stop: the new version is back when it serves them all. */
    private final Map<String, Set<String>> heldResources = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    /** Module → its suspended requests, dispatched again when it is back. */
    private final Map<String, Queue<Parked>> parked = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();
    /** Requests answered 503 by the gate itself (they never reach a module): for RequestGateMetrics. */
    private final java.util.concurrent.atomic.AtomicLong refused = new java.util.concurrent.atomic.AtomicLong();
    private final ExecutorService releaser = Executors.newCachedThreadPool(r -> new Thread(r, "unionhub-gate"));
    private final BundleContext context;
    private volatile Set<String> expected = Set.of();
    private volatile boolean expectedKnown;

    @Activate
    public RequestGate(BundleContext context, @Reference ModuleApplications apps) {
        this.context = context;
        this.apps = apps;
        context.addBundleListener(this);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(this);
        releaser.shutdownNow();
        held.clear();
        // the filter is going away: its suspended requests are answered rather than sent down a chain without it
        parked.values().forEach(q -> {
            for (Parked p; (p = q.poll()) != null;) {
                p.refuse("the hub is stopping; send the request again shortly");
            }
        });
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindModule(HubModule module) {
        serving.add(module.id());
        if (!held.containsKey(module.id())) {
            // remember what it serves, for its next update (when its bundle stops, its resources may be gone already)
            long until = System.currentTimeMillis() + MAX_HELD_MS;
            releaser.execute(() -> {
                try {
                    while (!apps.served(module.id()) && System.currentTimeMillis() < until) {
                        Thread.sleep(100);
                    }
                    heldResources.put(module.id(), apps.resourceNames(module.id()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            return;
        }
        long until = System.currentTimeMillis() + MAX_HOLD_MS;
        Set<String> before = heldResources.getOrDefault(module.id(), Set.of());
        // its resources register one by one after the descriptor, and each rebuilds the module's application:
        // release when the whiteboard serves all of them, at least those of the old version
        releaser.execute(() -> {
            try {
                // each resource that comes rebuilds the application once more, and the runtime view may show the
                // last one a moment before CXF serves it: release when the view has stayed complete for SETTLE_MS
                long completeSince = -1;
                while (System.currentTimeMillis() < until) {
                    boolean complete = apps.resourceNames(module.id()).containsAll(before) && apps.served(module.id());
                    long now = System.currentTimeMillis();
                    if (!complete) {
                        completeSince = -1;
                    } else if (completeSince < 0) {
                        completeSince = now;
                    } else if (now - completeSince >= SETTLE_MS) {
                        break;
                    }
                    Thread.sleep(PAUSE_MS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                heldResources.put(module.id(), apps.resourceNames(module.id()));
                release(module.id());
            }
        });
    }

    void unbindModule(HubModule module) {
        serving.remove(module.id());
        if (expected.contains(module.id())) {
            // SCR deactivates a stopping bundle's components on the same STOPPING event, and hears it before this
            // gate does: the requests in between were answered 503 "not serving" (2-7 per update at 200 requests a
            // second, benchmarks/hotdeploy). A module of the chosen set that goes is held until it is back.
            held.putIfAbsent(module.id(), System.currentTimeMillis());
        }
    }

    /** Called on the thread that stops the bundle, before it stops: hold, then let the running requests finish. */
    @Override
    public void bundleChanged(BundleEvent event) {
        String module = ModuleApplications.moduleOf(event.getBundle());
        if (module == null) {
            return;
        }
        if (event.getType() == BundleEvent.STOPPING && expected.contains(module)) {
            hold(module);
        } else if (event.getType() == BundleEvent.STOPPED && !expected.contains(module)) {
            release(module); // disabled: it is not coming back, so its requests are answered at once
        }
    }

    /** True while {@code moduleId}'s descriptor is registered. */
    boolean serving(String moduleId) {
        return serving.contains(moduleId);
    }

    /** True while {@code moduleId} is being replaced: its requests wait rather than fail. */
    public boolean updating(String moduleId) {
        return isHeld(moduleId);
    }

    /** The modules of the region's chosen set: their requests wait for them instead of failing. */
    void expect(Set<String> moduleIds) {
        expected = Set.copyOf(moduleIds);
        expectedKnown = true;
        held.keySet().stream().filter(m -> !expected.contains(m)).toList().forEach(this::release);
    }

    /** The chosen set, or null until the module administration has read it. */
    public Set<String> expected() {
        return expectedKnown ? expected : null;
    }

    private void hold(String moduleId) {
        // what it served when it was last complete; now, SCR may already be taking its resources down
        heldResources.computeIfAbsent(moduleId, apps::resourceNames);
        held.put(moduleId, System.currentTimeMillis());
        long deadline = System.currentTimeMillis() + MAX_HOLD_MS;
        AtomicInteger running = inFlight.computeIfAbsent(moduleId, k -> new AtomicInteger());
        try {
            while (running.get() > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(PAUSE_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void release(String moduleId) {
        held.remove(moduleId);
        Queue<Parked> q = parked.get(moduleId);
        if (q != null) {
            for (Parked p; (p = q.poll()) != null;) {
                p.resume();
            }
        }
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse resp, FilterChain chain) throws IOException, ServletException {
        HttpServletResponse response = (HttpServletResponse) resp;
        String module = moduleOf((HttpServletRequest) req);
        if (module == null) {
            chain.doFilter(req, resp);
            return;
        }
        AtomicInteger running = inFlight.computeIfAbsent(module, k -> new AtomicInteger());
        // counted before the hold is looked at: a hold that begins in between waits for this request, and a request
        // that sees the hold steps back and waits for the release
        running.incrementAndGet();
        try {
            if (isHeld(module)) {
                running.decrementAndGet();
                try {
                    park(module, req, response);
                } finally {
                    running.incrementAndGet();
                }
                return;
            }
            if (!serving.contains(module)) {
                refused.incrementAndGet();
                unavailable(response, "module " + module + " is not serving (see /api/health)");
                return;
            }
            chain.doFilter(req, resp);
        } finally {
            running.decrementAndGet();
        }
    }

    /** Suspends the request until its module is back (it then comes through this filter again), at most MAX_HOLD_MS. */
    private void park(String module, ServletRequest req, HttpServletResponse response) throws IOException {
        boolean place = req.isAsyncSupported();
        if (place && waiting.incrementAndGet() > MAX_WAITING) {
            waiting.decrementAndGet();
            place = false;
        }
        if (!place) {
            refused.incrementAndGet();
            unavailable(response, "module " + module + " is being updated; send the request again shortly");
            return;
        }
        AsyncContext async = req.startAsync();
        async.setTimeout(MAX_HOLD_MS);
        Parked p = new Parked(module, async);
        async.addListener(p);
        parked.computeIfAbsent(module, k -> new ConcurrentLinkedQueue<>()).add(p);
        if (!isHeld(module)) {
            // released between the look and the queueing: the release may have missed it
            release(module);
        }
    }

    /** One suspended request: resumed by its module's release or refused by its timeout, whichever comes first. */
    private final class Parked implements AsyncListener {
        private final String module;
        private final AsyncContext async;
        private final AtomicBoolean settled = new AtomicBoolean();

        Parked(String module, AsyncContext async) {
            this.module = module;
            this.async = async;
        }

        void resume() {
            if (settled.compareAndSet(false, true)) {
                waiting.decrementAndGet();
                async.dispatch();
            }
        }

        void refuse(String why) {
            if (settled.compareAndSet(false, true)) {
                waiting.decrementAndGet();
                refused.incrementAndGet();
                try {
                    unavailable((HttpServletResponse) async.getResponse(), why);
                } catch (IOException | RuntimeException e) {
                    // the client is gone; nothing to answer
                }
                async.complete();
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            refuse("module " + module + " is being updated; send the request again shortly");
        }

        @Override
        public void onError(AsyncEvent event) {
            if (settled.compareAndSet(false, true)) {
                waiting.decrementAndGet();
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            // settled by now
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // a new cycle of the same request registers its own listener
        }
    }

    /** Held, and not for longer than a module takes to restart: a module that never comes back gets 503s, not waits. */
    private boolean isHeld(String module) {
        Long since = held.get(module);
        return since != null && System.currentTimeMillis() - since < MAX_HELD_MS;
    }

    int waiting() {
        return waiting.get();
    }

    long refused() {
        return refused.get();
    }

    int modulesHeld() {
        return (int) held.keySet().stream().filter(this::isHeld).count();
    }

    /** The module of the application the request reached: its servlet context is {@code /api/<root>}. */
    private String moduleOf(HttpServletRequest request) {
        String path = request.getContextPath();
        return path == null || !path.startsWith("/api/") ? null : apps.moduleAtRoot(path.substring("/api/".length()));
    }

    private static void unavailable(HttpServletResponse response, String detail) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(503);
        response.setHeader("Retry-After", "2");
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                + "\"detail\":\"" + detail + "\",\"errors\":[]}").getBytes(StandardCharsets.UTF_8));
    }
}
