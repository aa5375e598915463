package org.unionhub.console.internal;

import javax.servlet.Servlet;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * Serves the console: its own files from this bundle's {@code console/} folder, and each module's
 * files from that module's bundle ({@code /console/modules/<id>/…} → {@code console/…} in the bundle
 * that registered the module's {@code ConsoleExtension}).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("unionhub-console")
@HttpWhiteboardServletPattern({"/console", "/console/*"})
public class ConsoleServlet extends BundleFilesServlet {

    private static final long serialVersionUID = 1L;

    @Activate
    public ConsoleServlet(BundleContext context, @Reference ConsoleRegistry registry) {
        super(context, registry, "/console", "console");
    }
}
