package org.unionhub.metrics.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.LoggerFactory;
import org.unionhub.api.security.Authenticator;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.TooManyAttempts;

/**
 * {@code GET /metrics} in Prometheus's text format, for the scrape token of {@code etc/org.unionhub.metrics.cfg}
 * (a bearer token) or an admin account (HTTP Basic, through the hub's sign-in guard). A servlet beside the API
 * rather than a REST resource: Prometheus expects the bare path and plain text.
 */
@Component(service = Servlet.class, configurationPid = MetricsConfig.PID)
@Designate(ocd = MetricsConfig.class)
@HttpWhiteboardServletPattern("/metrics")
public class MetricsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private final transient HubMeters meters;
    private final transient Authenticator authenticator;
    private volatile byte[] token;

    @Activate
    public MetricsServlet(@Reference HubMeters meters, @Reference Authenticator authenticator, MetricsConfig config) {
        this.meters = meters;
        this.authenticator = authenticator;
        modified(config);
    }

    @Modified
    void modified(MetricsConfig config) {
        String t = config.scrape_token() == null ? "" : config.scrape_token().trim();
        if (!t.isEmpty() && t.length() < 32) {
            LoggerFactory.getLogger(MetricsServlet.class).warn("scrape.token is shorter than 32 characters: ignored");
            t = "";
        }
        token = t.isEmpty() ? null : t.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String auth = req.getHeader("Authorization");
        if (auth == null) {
            resp.setHeader("WWW-Authenticate", "Basic realm=\"UnionHub\"");
            problem(resp, 401, "an admin account or the scrape token is needed");
            return;
        }
        byte[] expected = token;
        if (auth.startsWith("Bearer ")) {
            if (expected == null || !MessageDigest.isEqual(expected, auth.substring(7).trim().getBytes(StandardCharsets.UTF_8))) {
                problem(resp, 401, "unknown scrape token");
                return;
            }
        } else if (!admin(auth, req.getRemoteAddr(), resp)) {
            return;
        }
        resp.setContentType("text/plain; version=0.0.4; charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getOutputStream().write(meters.scrape().getBytes(StandardCharsets.UTF_8));
    }

    private boolean admin(String auth, String address, HttpServletResponse resp) throws IOException {
        String pair = null;
        if (auth.startsWith("Basic ")) {
            try {
                pair = new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException bad) {
                pair = null;
            }
        }
        if (pair == null || pair.indexOf(':') < 0) {
            problem(resp, 401, "Authorization must be Basic credentials or a Bearer scrape token");
            return false;
        }
        Optional<Caller> caller;
        try {
            caller = authenticator.login(pair.substring(0, pair.indexOf(':')), pair.substring(pair.indexOf(':') + 1), address);
        } catch (TooManyAttempts e) {
            problem(resp, 429, "too many failed sign-ins; wait before trying again");
            return false;
        }
        if (caller.isEmpty()) {
            problem(resp, 401, "wrong user name or password");
            return false;
        }
        if (!caller.get().isAdmin()) {
            problem(resp, 403, "only admins may read the metrics");
            return false;
        }
        return true;
    }

    private static void problem(HttpServletResponse resp, int status, String detail) throws IOException {
        resp.setStatus(status);
        resp.setContentType("application/problem+json");
        resp.getOutputStream().write(("{\"status\":" + status + ",\"title\":\"" + (status == 403 ? "Forbidden"
                : status == 429 ? "Too many attempts" : "Unauthorized") + "\",\"detail\":\"" + detail + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
