package org.unionhub.web.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes Jetty's own error answers problem+json like every other error of the hub. A request Jetty refuses before
 * any servlet sees it (a NUL or a malformed escape in the path, a URI or headers too long) was answered with an
 * HTML page. Pax Web adds every {@link Handler} service to its server; this one does nothing with requests and,
 * once it knows the server, gives it an error handler that writes problems.
 */
@Component(service = Handler.class)
public class JettyProblems extends AbstractHandler {

    private final Logger logger = LoggerFactory.getLogger(JettyProblems.class);

    @Override
    public void setServer(Server server) {
        super.setServer(server);
        if (server == null || server.getBean(ProblemErrorHandler.class) != null) {
            return;
        }
        try {
            // Server.setErrorHandler refuses a started server; Jetty finds the handler for a bad message as the
            // server's first ErrorHandler bean, so the bean is swapped instead
            ErrorHandler ours = new ProblemErrorHandler();
            ours.setServer(server);
            for (ErrorHandler old : server.getBeans(ErrorHandler.class)) {
                server.removeBean(old);
            }
            server.addBean(ours);
        } catch (RuntimeException e) {
            // never at the price of the web server: without it, Jetty answers its errors in HTML as before
            logger.warn("Jetty's errors stay HTML: {}", e.toString());
        }
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response) {
        // requests pass by untouched
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
