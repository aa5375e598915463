package org.unionhub.web.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import javax.annotation.Priority;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.unionhub.api.FieldError;
import org.unionhub.api.web.SecurityHeaders;

/**
 * The API's edge, before any resource is matched: a bounded request body (uploads excepted: their
 * modules bound them), writes only with a content type a cross-site form cannot send and never from another
 * origin; and on the way out the security headers on every answer, {@code Connection: close} on a refused body, and
 * a 400 instead of CXF's WADL. A JAX-RS filter, not a servlet filter: a second servlet
 * filter beside the request gate in the API's context broke the gate's replay of requests during a module
 * update (HotUpdateIT).
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class}, configurationPid = "org.unionhub.security")
@JaxrsExtension
@JaxrsApplicationSelect("(unionhub.app=true)")
@JaxrsName("unionhub.edge")
@JSONRequired
@PreMatching
@Priority(2) // after the request gate's route marks (1), before authentication
public class EdgeFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The one key of the hub's security settings this filter reads. */
    @interface Config {
        long request_max_bytes() default 1_048_576L;
    }

    private volatile long maxBytes = 1_048_576L;

    @javax.ws.rs.core.Context
    private HttpServletRequest servletRequest;

    @Activate
    @Modified
    void configure(Config config) {
        maxBytes = config.request_max_bytes() > 0 ? config.request_max_bytes() : 1_048_576L;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        // Jetty folds "//" before JAX-RS sees the path, so the servlet request's URI (as sent) is read
        HttpServletRequest sent = servletRequest;
        if (sent != null && sent.getRequestURI() != null && sent.getRequestURI().contains("//")) {
            // an empty path segment is an id left out (/fairs//applications): no such resource, whatever the method
            request.abortWith(problem(404, "Not found", "the path has an empty segment", "path"));
            return;
        }
        String type = request.getHeaderString("Content-Type");
        int length = request.getLength();
        boolean body = length > 0 || request.getHeaderString("Transfer-Encoding") != null;
        if (Rules.isWrite(request.getMethod())) {
            if (!Rules.sameOrigin(request.getHeaderString("Origin"), request.getHeaderString("Host"))) {
                request.abortWith(problem(403, "Forbidden", "writes from another origin are refused", "Origin"));
                return;
            }
            if ((type != null || body) && !Rules.writableType(type)) {
                request.abortWith(problem(415, "Unsupported media type", "send JSON (Content-Type: application/json); "
                        + type + " is what a cross-site form sends", "Content-Type"));
                return;
            }
        }
        if (body && !Rules.isUpload(type)) {
            if (length > maxBytes) {
                request.abortWith(problem(413, "Payload too large", "the body is larger than " + maxBytes + " bytes", "body"));
                return;
            }
            if (length < 0) {
                request.setEntityStream(new Bounded(request.getEntityStream(), maxBytes));
            }
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getUriInfo().getQueryParameters().containsKey("_wadl")) {
            // CXF answers ?_wadl before any request filter sees it: its answer is replaced by a 400 (not a 404, which
            // the request gate would take for an application being rebuilt and ask again)
            String detail = "_wadl: not served; the API is described at /api/openapi.json";
            response.setStatus(400);
            // as text: on this path CXF writes the entity without the JSON provider
            response.setEntity("{\"type\":\"about:blank\",\"title\":\"Bad request\",\"status\":400,\"detail\":\"" + detail
                    + "\",\"errors\":[{\"field\":\"_wadl\",\"message\":\"" + detail + "\"}]}",
                    new java.lang.annotation.Annotation[0], MediaType.valueOf(Problem.MEDIA_TYPE));
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure()
                || "https".equalsIgnoreCase(request.getUriInfo().getRequestUri().getScheme());
        SecurityHeaders.of(request.getUriInfo().getRequestUri().getPath(), secure).forEach(headers::putSingle);
        if (!headers.containsKey("Cache-Control")) {
            headers.putSingle("Cache-Control", "no-store"); // answers carry personal data
        }
        if (response.getStatus() >= 400 && (request.getLength() > 0 || request.getHeaderString("Transfer-Encoding") != null)) {
            // a refusal may leave the body unread; Jetty 9.4 then drops the connection after an answer that said
            // keep-alive, and a client's next request on it got no answer at all (FuzzIT: "header parser received
            // no bytes"). Saying so lets the client open a new one (RFC 9112, 9.6).
            headers.putSingle("Connection", "close");
        }
    }

    private static javax.ws.rs.core.Response problem(int status, String title, String detail, String field) {
        return Problem.response(status, title, detail, List.of(new FieldError(field, detail)));
    }

    /** A body sent in chunks, without a length: reading past the bound fails (and the JSON reader answers 400). */
    static final class Bounded extends FilterInputStream {
        private final long max;
        private long read;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > max) {
                throw new IOException("the request body is larger than " + max + " bytes");
            }
        }
    }

    /** The rules, without JAX-RS, for unit tests. */
    static final class Rules {

        private Rules() {
        }

        static boolean isWrite(String method) {
            return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
        }

        /** Text and form-encoded bodies are what a cross-site HTML form can send without CORS. */
        static boolean writableType(String type) {
            if (type == null) {
                return false;
            }
            String t = type.toLowerCase(Locale.ROOT).split(";")[0].trim();
            return !(t.isEmpty() || t.equals("text/plain") || t.equals("application/x-www-form-urlencoded"));
        }

        /** Uploads have their own, larger limits in the modules that take them. */
        static boolean isUpload(String type) {
            if (type == null) {
                return false;
            }
            String t = type.toLowerCase(Locale.ROOT).split(";")[0].trim();
            return t.startsWith("multipart/") || t.equals("text/csv") || t.equals("application/pdf") || t.startsWith("image/")
                    || t.equals("application/octet-stream");
        }

        /** No Origin (curl, apps, same-origin GETs) passes; otherwise its host and port must be the Host asked. */
        static boolean sameOrigin(String origin, String host) {
            if (origin == null) {
                return true;
            }
            try {
                URI o = URI.create(origin.trim());
                if (o.getHost() == null || host == null) {
                    return false;
                }
                int port = o.getPort() >= 0 ? o.getPort() : "https".equalsIgnoreCase(o.getScheme()) ? 443 : 80;
                String h = host.trim().toLowerCase(Locale.ROOT);
                int colon = h.lastIndexOf(':');
                boolean hasPort = colon > h.lastIndexOf(']');
                String hostName = hasPort ? h.substring(0, colon) : h;
                int hostPort = hasPort ? Integer.parseInt(h.substring(colon + 1)) : port;
                return o.getHost().toLowerCase(Locale.ROOT).equals(hostName) && port == hostPort;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
    }
}
