package org.unionhub.core.internal.edge;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.unionhub.core.internal.security.SecurityConfig;

/**
 * The hub's HTTP edge, in front of every servlet context (the API, the console, the docs): security headers on
 * every answer, a bounded request body, writes only with a content type a cross-site form cannot send (or a
 * multipart upload), no cross-origin writes, no CXF WADL, and the client's address for sign-in throttling.
 * It runs before the request gate, so an oversized body is refused before anything buffers it.
 */
@Component(service = Filter.class, configurationPid = SecurityConfig.PID, property = "service.ranking:Integer=1000")
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=*)")
public class EdgeFilter implements Filter {

    /** Read by the REST authentication filter (the name is shared with hub-web's AuthFilter). */
    public static final String ADDRESS_ATTRIBUTE = "org.unionhub.remoteAddress";

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    /** The API's documentation page carries its script inline. */
    static final String DOCS_CSP = CSP.replace("default-src 'self';", "default-src 'self'; script-src 'self' 'unsafe-inline';");

    private volatile long maxBytes;

    @Activate
    @Modified
    void configure(SecurityConfig config) {
        maxBytes = config.request_max_bytes() > 0 ? config.request_max_bytes() : 1_048_576L;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest r = (HttpServletRequest) req;
        HttpServletResponse w = (HttpServletResponse) res;
        r.setAttribute(ADDRESS_ATTRIBUTE, r.getRemoteAddr());
        String path = r.getRequestURI() == null ? "/" : r.getRequestURI();
        headers(r, w, path);
        if (Rules.asksForWadl(r.getQueryString())) {
            problem(w, 404, "Not found", "the API is described at /api/openapi.json", null);
            return;
        }
        String type = r.getContentType();
        long length = r.getContentLengthLong();
        boolean body = length > 0 || r.getHeader("Transfer-Encoding") != null;
        if (Rules.isWrite(r.getMethod())) {
            if (!Rules.sameOrigin(r.getHeader("Origin"), r.getHeader("Host"))) {
                problem(w, 403, "Forbidden", "writes from another origin are refused", "Origin");
                return;
            }
            if ((type != null || body) && !Rules.writableType(type)) {
                problem(w, 415, "Unsupported media type", "send JSON (Content-Type: application/json); " + type
                        + " is what a cross-site form sends", "Content-Type");
                return;
            }
        }
        if (body && !Rules.isUpload(type)) {
            if (length > maxBytes) {
                problem(w, 413, "Payload too large", "the body is larger than " + maxBytes + " bytes", "body");
                return;
            }
            if (length < 0) {
                r = new LimitedRequest(r, maxBytes);
            }
        }
        chain.doFilter(r, w);
    }

    private static void headers(HttpServletRequest r, HttpServletResponse w, String path) {
        w.setHeader("X-Content-Type-Options", "nosniff");
        w.setHeader("X-Frame-Options", "DENY");
        w.setHeader("Referrer-Policy", "no-referrer");
        w.setHeader("Content-Security-Policy", path.startsWith("/api/docs") ? DOCS_CSP : CSP);
        w.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (path.startsWith("/api/")) {
            w.setHeader("Cache-Control", "no-store"); // answers carry personal data
        }
        if (r.isSecure()) {
            w.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
    }

    static void problem(HttpServletResponse w, int status, String title, String detail, String field) throws IOException {
        w.setStatus(status);
        w.setContentType("application/problem+json");
        w.setCharacterEncoding("UTF-8");
        String errors = field == null ? "[]" : "[{\"field\":\"" + field + "\",\"message\":\"" + json(detail) + "\"}]";
        w.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + json(detail) + "\",\"errors\":" + errors + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static String json(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\x00-\\x1f]", " ");
    }

    /** The rules, without servlets, for unit tests. */
    static final class Rules {

        private Rules() {
        }

        static boolean isWrite(String method) {
            return !("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method));
        }

        static boolean asksForWadl(String query) {
            if (query == null) {
                return false;
            }
            for (String part : query.split("&")) {
                if (part.equals("_wadl") || part.startsWith("_wadl=")) {
                    return true;
                }
            }
            return false;
        }

        /** Text, form-encoded and absent-subtype bodies are what a cross-site HTML form can send without CORS. */
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
