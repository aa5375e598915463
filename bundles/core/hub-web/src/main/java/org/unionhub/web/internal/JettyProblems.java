package org.unionhub.web.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes Jetty's own error answers problem+json like every other error of the hub. A request Jetty refuses before
 * any servlet sees it (a NUL or a malformed escape in the path, a URI or headers too long) was answered with an
 * HTML page. Jetty looks up the handler for such a request as the server's first {@link ErrorHandler} bean, so the
 * first request a server passes on (the core's own loopback probe at start-up) has this customizer swap that bean.
 * <p>
 * A request customizer, not a Jetty {@code Handler} service: pax-web-jetty tears down and rebuilds its whole server
 * controller for every {@code Handler} service that comes after it started, and under load that rebuild lost the
 * core's servlet for good. A customizer is only added to the running connectors.
 */
// pax-web-jetty keeps its customizers in a set ordered by service ranking alone: a second customizer of the same
// ranking is dropped, and hub-core's ModuleRoots has the default 0
@Component(service = HttpConfiguration.Customizer.class, property = "service.ranking:Integer=-100")
public class JettyProblems implements HttpConfiguration.Customizer {

    private final Logger logger = LoggerFactory.getLogger(JettyProblems.class);

    /** The server whose error handler is ours already; Pax Web makes a new one when its configuration changes. */
    private volatile Server served;

    @Override
    public void customize(Connector connector, HttpConfiguration configuration, Request request) {
        Server server = connector.getServer();
        if (server != null && server != served) {
            install(server);
        }
    }

    private synchronized void install(Server server) {
        if (server == served) {
            return;
        }
        served = server;
        if (server.getBean(ProblemErrorHandler.class) != null) {
            return;
        }
        try {
            // Server.setErrorHandler refuses a started server, so the bean is swapped instead
            ErrorHandler ours = new ProblemErrorHandler();
            ours.setServer(server);
            for (ErrorHandler old : server.getBeans(ErrorHandler.class)) {
                server.removeBean(old);
            }
            server.addBean(ours);
        } catch (RuntimeException e) {
            // never at the price of the request: without it, Jetty answers its errors in HTML as before
            logger.warn("Jetty's errors stay HTML: {}", e.toString());
        }
    }

    static String problem(int status, String detail) {
        String title = HttpStatus.getMessage(status);
        return "{\"type\":\"about:blank\",\"title\":\"" + escape(title) + "\",\"status\":" + status + ",\"detail\":\""
                + escape(detail == null ? title : detail) + "\",\"errors\":[]}";
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Jetty's error handler, writing problem+json instead of HTML. */
    static final class ProblemErrorHandler extends ErrorHandler {

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
            fields.put(HttpHeader.CONTENT_TYPE, "application/problem+json");
            return ByteBuffer.wrap(problem(status, reason).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
                HttpServletResponse response, int code, String message) throws IOException {
            baseRequest.setHandled(true);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write(problem(code, message).getBytes(StandardCharsets.UTF_8));
        }
    }
}
