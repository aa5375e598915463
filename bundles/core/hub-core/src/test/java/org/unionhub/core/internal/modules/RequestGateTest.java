package org.unionhub.core.internal.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.servlet.AsyncContext;
import javax.servlet.AsyncEvent;
import javax.servlet.AsyncListener;
import javax.servlet.DispatcherType;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.unionhub.api.HubModule;
import org.unionhub.api.db.ModuleDatabase;

/**
 * The request gate as the servlet container and the framework drive it: a module that does not serve answers 503
 * problem+json; during an update in place its requests wait and then go on to the new version; the stop waits for
 * the requests already running; a module taken out of the chosen set is not waited for. The OSGi and servlet
 * interfaces are small stand-ins; the module's application is a {@link ModuleApplications} whose runtime view the
 * test sets.
 */
class RequestGateTest {

    private final Apps apps = new Apps();
    private final AtomicInteger passed = new AtomicInteger();
    private RequestGate gate;

    @BeforeEach
    void gate() {
        gate = new RequestGate(context(), apps);
    }

    @AfterEach
    void stop() {
        gate.deactivate();
    }

    @Test
    void aModuleThatDoesNotServeAnswers503WithAProblem() throws Exception {
        Answer a = request("/api/fairs", () -> { });
        assertEquals(503, a.status);
        assertEquals("2", a.headers.get("Retry-After"));
        assertEquals("application/problem+json", a.contentType);
        assertTrue(a.body().contains("module fairs is not serving"), a.body());
        assertEquals(0, passed.get());
        assertEquals(1, gate.refused());
    }

    @Test
    void aServingModulesRequestsPassAndTheCoresAreNotLookedAt() throws Exception {
        gate.bindModule(module("fairs"));
        assertEquals(200, request("/api/fairs", () -> { }).status);
        assertEquals(200, request("/api", () -> { }).status, "the core's context is no module's");
        assertEquals(200, request("/api/unknown", () -> { }).status, "a root no module declared is not the gate's");
        assertEquals(3, passed.get());
    }

    @Test
    void duringAnUpdateRequestsWaitAndThenGoOnToTheNewVersion() throws Exception {
        updateBegins();
        assertTrue(gate.updating("fairs"));

        CompletableFuture<Answer> waiting = CompletableFuture.supplyAsync(() -> requestUnchecked("/api/fairs"));
        awaitTrue(() -> gate.waiting() == 1);
        Thread.sleep(300);
        assertFalse(waiting.isDone(), "held while the module is away");
        assertEquals(0, passed.get());

        // the new version: its descriptor, then its resources in the application's runtime view
        gate.bindModule(module("fairs"));
        apps.served = true;
        Answer a = waiting.get(RequestGate.MAX_HOLD_MS + 5_000, TimeUnit.MILLISECONDS);
        assertEquals(200, a.status, a.body());
        assertEquals(1, passed.get());
        assertFalse(gate.updating("fairs"));
    }

    @Test
    void heldRequestsAreSuspendedSoMoreWaitThanTheServerHasThreads() throws Exception {
        updateBegins();

        // all sent from this one thread: each pass through the gate returns at once, the request suspended
        List<CompletableFuture<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            answers.add(send("/api/fairs", () -> { }));
        }
        assertEquals(500, gate.waiting(), "more than Jetty's 200 threads wait");
        assertTrue(answers.stream().noneMatch(CompletableFuture::isDone));

        gate.bindModule(module("fairs"));
        apps.served = true;
        for (CompletableFuture<Answer> a : answers) {
            assertEquals(200, a.get(RequestGate.MAX_HOLD_MS + 5_000, TimeUnit.MILLISECONDS).status);
        }
        assertEquals(500, passed.get());
        assertEquals(0, gate.waiting());
        assertEquals(0, gate.refused());
    }

    @Test
    void aRequestHeldLongerThanTheHoldGets503() throws Exception {
        updateBegins();
        long start = System.nanoTime();
        Answer a = request("/api/fairs", () -> { });
        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(503, a.status);
        assertTrue(a.body().contains("being updated"), a.body());
        assertTrue(waited >= RequestGate.MAX_HOLD_MS - 100, "waited " + waited + " ms");
        assertEquals(0, passed.get());
        assertEquals(0, gate.waiting());
        // the module comes back later: the request answered already is not dispatched again
        gate.bindModule(module("fairs"));
        apps.served = true;
        Thread.sleep(RequestGate.SETTLE_MS + 300);
        assertEquals(0, passed.get());
    }

    @Test
    void aModuleOfTheChosenSetWhoseDescriptorGoesBeforeItsStopIsHeldToo() throws Exception {
        gate.bindModule(module("fairs"));
        gate.expect(Set.of("fairs"));
        // SCR hears the bundle's STOPPING first and takes the descriptor down before the gate hears it
        apps.served = false;
        gate.unbindModule(module("fairs"));
        CompletableFuture<Answer> waiting = send("/api/fairs", () -> { });
        assertEquals(1, gate.waiting(), "held, not answered 503 at once");
        gate.bundleChanged(new BundleEvent(BundleEvent.STOPPING, bundle("fairs")));
        gate.bindModule(module("fairs"));
        apps.served = true;
        assertEquals(200, waiting.get(RequestGate.MAX_HOLD_MS + 5_000, TimeUnit.MILLISECONDS).status);
        assertEquals(0, gate.refused());
    }

    @Test
    void theStopWaitsForTheRequestsAlreadyRunning() throws Exception {
        gate.bindModule(module("fairs"));
        gate.expect(Set.of("fairs"));
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<Answer> slow = CompletableFuture.supplyAsync(() -> requestUnchecked("/api/fairs", () -> {
            running.countDown();
            await(finish);
        }));
        assertTrue(running.await(5, TimeUnit.SECONDS));
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(
                () -> gate.bundleChanged(new BundleEvent(BundleEvent.STOPPING, bundle("fairs"))));
        Thread.sleep(300);
        assertFalse(stopping.isDone(), "the bundle's stop waits for the running request");
        finish.countDown();
        stopping.get(5, TimeUnit.SECONDS);
        assertEquals(200, slow.get(5, TimeUnit.SECONDS).status);
    }

    @Test
    void aModuleTakenOutOfTheChosenSetIsNotWaitedFor() throws Exception {
        gate.bindModule(module("fairs"));
        gate.expect(Set.of("fairs"));
        gate.bundleChanged(new BundleEvent(BundleEvent.STOPPING, bundle("fairs")));
        gate.unbindModule(module("fairs"));
        assertEquals(1, gate.modulesHeld());
        gate.expect(Set.of());
        assertEquals(0, gate.modulesHeld(), "leaving the chosen set releases its hold");
        long start = System.nanoTime();
        Answer a = request("/api/fairs", () -> { });
        assertEquals(503, a.status);
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "answered at once, not after a wait");
        // disabled: its stop holds nothing
        gate.bundleChanged(new BundleEvent(BundleEvent.STOPPING, bundle("fairs")));
        assertFalse(gate.updating("fairs"));
    }

    /** Fairs serves, then its bundle begins to stop for an update: its descriptor and resources go. */
    private void updateBegins() {
        gate.bindModule(module("fairs"));
        gate.expect(Set.of("fairs"));
        gate.bundleChanged(new BundleEvent(BundleEvent.STOPPING, bundle("fairs")));
        apps.served = false;
        gate.unbindModule(module("fairs"));
    }

    // ---- the servlet side

    private record Answer(int status, Map<String, String> headers, String contentType, ByteArrayOutputStream out) {
        String body() {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private Answer requestUnchecked(String contextPath) {
        return requestUnchecked(contextPath, () -> { });
    }

    private Answer requestUnchecked(String contextPath, Runnable work) {
        try {
            return request(contextPath, work);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One request at {@code contextPath}; {@code work} is what the module does when the request reaches it. Returns
     * when the request is answered: at once, or, if the gate suspended it, when it was dispatched again and got
     * through, or was completed with a refusal.
     */
    private Answer request(String contextPath, Runnable work) throws Exception {
        return send(contextPath, work).get(RequestGate.MAX_HOLD_MS + 5_000, TimeUnit.MILLISECONDS);
    }

    /** As {@link #request}, returning once the gate's first pass is over (at once when it suspends the request). */
    private CompletableFuture<Answer> send(String contextPath, Runnable work) {
        int[] status = {200};
        Map<String, String> headers = new ConcurrentHashMap<>();
        String[] type = {null};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DispatcherType[] dispatch = {DispatcherType.REQUEST};
        AtomicReference<AsyncContext> suspended = new AtomicReference<>();
        CompletableFuture<Void> answered = new CompletableFuture<>();
        HttpServletResponse resp = proxy(HttpServletResponse.class, (m, args) -> {
            switch (m) {
                case "setStatus" -> status[0] = (Integer) args[0];
                case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                case "setContentType" -> type[0] = (String) args[0];
                case "getOutputStream" -> {
                    return new ServletOutputStream() {
                        @Override
                        public void write(int b) {
                            out.write(b);
                        }

                        @Override
                        public boolean isReady() {
                            return true;
                        }

                        @Override
                        public void setWriteListener(WriteListener listener) {
                        }
                    };
                }
                default -> {
                }
            }
            return m.equals("isCommitted") ? Boolean.FALSE : null;
        });
        FilterChain module = (rq, rs) -> {
            work.run();
            passed.incrementAndGet();
        };
        HttpServletRequest[] req = new HttpServletRequest[1];
        // the container's part of servlet async: a timeout that fires once, a dispatch through the filter again
        req[0] = proxy(HttpServletRequest.class, (m, args) -> switch (m) {
            case "getContextPath" -> contextPath;
            case "getDispatcherType" -> dispatch[0];
            case "isAsyncSupported" -> true;
            case "startAsync" -> {
                List<AsyncListener> listeners = new CopyOnWriteArrayList<>();
                AsyncContext[] self = new AsyncContext[1];
                self[0] = proxy(AsyncContext.class, (n, a) -> {
                    switch (n) {
                        case "addListener" -> listeners.add((AsyncListener) a[0]);
                        case "setTimeout" -> CompletableFuture.runAsync(() -> {
                            for (AsyncListener l : listeners) {
                                try {
                                    l.onTimeout(new AsyncEvent(self[0]));
                                } catch (IOException e) {
                                    throw new UncheckedIOException(e);
                                }
                            }
                        }, CompletableFuture.delayedExecutor((Long) a[0], TimeUnit.MILLISECONDS));
                        case "getResponse" -> {
                            return resp;
                        }
                        case "complete" -> answered.complete(null);
                        case "dispatch" -> CompletableFuture.runAsync(() -> {
                            dispatch[0] = DispatcherType.ASYNC;
                            suspended.set(null);
                            filter(req[0], resp, module, suspended, answered);
                        });
                        default -> {
                        }
                    }
                    return null;
                });
                suspended.set(self[0]);
                yield self[0];
            }
            default -> null;
        });
        filter(req[0], resp, module, suspended, answered);
        return answered.thenApply(v -> new Answer(status[0], headers, type[0], out));
    }

    /** One pass through the gate; the request is answered when the pass ends without suspending it. */
    private void filter(HttpServletRequest req, HttpServletResponse resp, FilterChain module,
            AtomicReference<AsyncContext> suspended, CompletableFuture<Void> answered) {
        try {
            gate.doFilter(req, resp, module);
        } catch (IOException | ServletException e) {
            answered.completeExceptionally(e);
            return;
        }
        if (suspended.get() == null) {
            answered.complete(null);
        }
    }

    // ---- the framework side

    /** The module's application, with the whiteboard's runtime view set by the test. */
    private static final class Apps extends ModuleApplications {
        volatile boolean served = true;

        Apps() {
            super(context());
        }

        @Override
        String moduleAtRoot(String root) {
            return "fairs".equals(root) ? "fairs" : null;
        }

        @Override
        public boolean served(String moduleId) {
            return served;
        }

        @Override
        public Set<String> resourceNames(String moduleId) {
            return served ? Set.of("FairResource", "CouponResource") : Set.of();
        }
    }

    private static BundleContext context() {
        return proxy(BundleContext.class, (m, args) -> switch (m) {
            case "registerService" -> proxy(ServiceRegistration.class, (n, a) -> null);
            case "getBundles" -> new Bundle[0];
            default -> null;
        });
    }

    private static Bundle bundle(String module) {
        Hashtable<String, String> headers = new Hashtable<>(Map.of(ModuleDatabase.MODULE_HEADER, module));
        return proxy(Bundle.class, (m, args) -> m.equals("getHeaders") ? headers : m.equals("getBundleId") ? 7L : null);
    }

    private static HubModule module(String id) {
        return proxy(HubModule.class, (m, args) -> m.equals("id") ? id : m.equals("name") ? id : null);
    }

    private interface Handler {
        Object answer(String method, Object[] args) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Handler handler) {
        return (T) Proxy.newProxyInstance(RequestGateTest.class.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            if (m.getDeclaringClass() == Object.class) {
                return switch (m.getName()) {
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    default -> type.getSimpleName();
                };
            }
            Object answer = handler.answer(m.getName(), args);
            if (answer == null && m.getReturnType() == boolean.class) {
                return false;
            }
            if (answer == null && m.getReturnType() == long.class) {
                return 0L;
            }
            if (answer == null && m.getReturnType() == int.class) {
                return 0;
            }
            return answer;
        });
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5_000;
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < deadline, "condition not met within 5 s");
            Thread.sleep(20);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
