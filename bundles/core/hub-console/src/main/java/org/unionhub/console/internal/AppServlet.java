package org.unionhub.console.internal;

import javax.servlet.Servlet;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Serves the member app at {@code /m}: its shell and kit from this bundle's {@code app/} folder, each module's
 * member screens from the {@code app/} folder of that module's bundle ({@code /m/modules/<id>/main.js}). The app's
 * routes are real paths ({@code /m/join?u=…} is what a union's QR code holds), so a path that names no file is the
 * app's page.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("unionhub-app")
@HttpWhiteboardServletPattern({"/m", "/m/*"})
public class AppServlet extends BundleFilesServlet {

    private static final long serialVersionUID = 1L;

    @Activate
    public AppServlet(BundleContext context, @Reference ConsoleRegistry registry) {
        super(context, registry, "/m", "app");
    }

    @Override
    String extraPolicy() {
        return "font-src 'self' data:;";
    }

    @Override
    String pageFor(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return path.startsWith("/modules/") || last.contains(".") ? path : "/index.html";
    }
}
