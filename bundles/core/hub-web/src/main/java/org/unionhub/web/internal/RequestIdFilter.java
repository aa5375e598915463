package org.unionhub.web.internal;

import java.util.UUID;
import java.util.regex.Pattern;

import javax.annotation.Priority;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.MDC;

/**
 * A request id for every request of every hub application: the caller's {@code X-Request-Id} (a proxy or load
 * balancer that made one) when it is a plain token, else a new one. It is in the logging MDC as {@code requestId}
 * while the request runs, so every log line a module writes for it carries it (karaf.log and the JSON log), and it
 * is returned as {@code X-Request-Id}. Pre-matching and first, so that even refusals carry it. A JAX-RS filter, not
 * a servlet filter, for the reason EdgeFilter gives.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class})
@JaxrsExtension
@JaxrsApplicationSelect("(unionhub.app=true)")
@JaxrsName("unionhub.requestid")
@PreMatching
@Priority(0)
public class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    /** What is taken from outside: short, and nothing that could forge a log line or a header. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @Override
    public void filter(ContainerRequestContext request) {
        String id = accepted(request.getHeaderString(HEADER));
        request.setProperty(MDC_KEY, id);
        MDC.put(MDC_KEY, id);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(MDC_KEY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
        MDC.remove(MDC_KEY);
    }

    static String accepted(String sent) {
        return sent != null && ACCEPTED.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
    }
}
