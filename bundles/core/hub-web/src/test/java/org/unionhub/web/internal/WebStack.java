package org.unionhub.web.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import javax.ws.rs.core.Application;

import org.apache.cxf.jaxrs.servlet.CXFNonSpringJaxrsServlet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * The hub's web stack without Karaf: CXF's JAX-RS servlet in Jetty 9.4 on a free port under {@code /api}, with the
 * given resources and the hub's own providers, as one module's application. Requests go over real HTTP.
 */
final class WebStack implements AutoCloseable {

    private final Server server = new Server();
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;

    WebStack(Set<Object> singletons) throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/api");
        Application app = new Application() {
            @Override
            public Set<Object> getSingletons() {
                return singletons;
            }
        };
        context.addServlet(new ServletHolder(new CXFNonSpringJaxrsServlet(app)), "/*");
        server.setHandler(context);
        server.start();
        base = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/api");
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create(base + path));
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
