package org.unionhub.metrics.internal;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.annotation.Priority;
import javax.ws.rs.Path;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

import io.micrometer.core.instrument.Timer;

/**
 * Every answer of every hub application (the core's and each module's) timed into
 * {@code unionhub_http_requests_seconds{module, method, route, status}}: {@code module} is the application's REST
 * root ({@code core} for {@code /api}), {@code route} the matched resource's path template ({@code
 * fairs/{id}/stalls}, never a raw path with ids, so the series stay few), {@code unmatched} when nothing matched.
 * Pre-matching and first, so refusals by the edge and authentication filters are counted too.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class}, scope = ServiceScope.PROTOTYPE)
@JaxrsExtension
@JaxrsApplicationSelect("(unionhub.app=true)")
@JaxrsName("unionhub.metrics")
@PreMatching
@Priority(0)
public class RequestMetrics implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = "unionhub.metrics.started";
    private static final Duration[] BUCKETS = {Duration.ofMillis(25), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};

    private final HubMeters meters;

    @Context
    private ResourceInfo resource;

    @Activate
    public RequestMetrics(@Reference HubMeters meters) {
        this.meters = meters;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(STARTED) instanceof Long started)) {
            return;
        }
        Timer.builder("unionhub.http.requests").description("Answers of the hub's REST applications")
                .tags("module", module(request.getUriInfo().getBaseUri().getPath()), "method", request.getMethod(),
                        "route", route(), "status", Integer.toString(response.getStatus()))
                .serviceLevelObjectives(BUCKETS)
                .register(meters.registry()).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    /** {@code /api/} is the core; {@code /api/mutual-aid/} the module at that root. */
    static String module(String basePath) {
        String p = basePath.replaceAll("^/+|/+$", "");
        int slash = p.indexOf('/');
        return slash < 0 ? "core" : p.substring(slash + 1);
    }

    private String route() {
        Method m = resource == null ? null : resource.getResourceMethod();
        if (m == null) {
            return "unmatched";
        }
        Class<?> type = resource.getResourceClass();
        return ROUTES.get(type).computeIfAbsent(m, k -> template(type.getAnnotation(Path.class), k.getAnnotation(Path.class)));
    }

    /**
     * Each resource class's routes, worked out once per method (four regular expressions) rather than on every
     * answer; kept on the class itself, so that an updated module's old classes take theirs with them.
     */
    private static final ClassValue<Map<Method, String>> ROUTES = new ClassValue<>() {
        @Override
        protected Map<Method, String> computeValue(Class<?> type) {
            return new ConcurrentHashMap<>();
        }
    };

    /** The class's and the method's {@code @Path} joined, with parameter patterns left out: {@code {id: \d+}} is {@code {id}}. */
    static String template(Path type, Path method) {
        String joined = (type == null ? "" : type.value()) + "/" + (method == null ? "" : method.value());
        String route = joined.replaceAll("\\{\\s*([^:}\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/").replaceAll("^/|/$", "");
        return route.isEmpty() ? "/" : route;
    }
}
