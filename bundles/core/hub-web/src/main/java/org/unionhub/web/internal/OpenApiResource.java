package org.unionhub.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.unionhub.api.web.Returns;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code /api/openapi.json}, built from the resources registered at the moment of the request, and {@code /api/docs}. */
@Component(service = OpenApiResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.core)")
@JSONRequired
@Path("")
public class OpenApiResource {

    /** A resource that selects no application is not served (see {@link UnselectedResources}), so not documented. */
    private static final String FILTER = "(&(osgi.jaxrs.resource=true)(osgi.jaxrs.application.select=*))";
    private final BundleContext context;

    @Activate
    public OpenApiResource(BundleContext context) {
        this.context = context;
    }

    @GET
    @Path("openapi.json")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode openApi() throws InvalidSyntaxException {
        OpenApiBuilder builder = new OpenApiBuilder("UnionHub API",
                FrameworkUtil.getBundle(OpenApiResource.class).getVersion().toString(),
                "The REST API of this hub: the core and every installed module. Errors are application/problem+json.");
        ServiceReference<?>[] refs = context.getAllServiceReferences(null, FILTER);
        List<ServiceReference<?>> sorted = new ArrayList<>(refs == null ? List.of() : List.of(refs));
        sorted.sort(Comparator.comparing(r -> String.valueOf(r.getProperty("service.id"))));
        for (ServiceReference<?> ref : sorted) {
            Class<?> type = classOf(ref);
            if (type != null && type.isAnnotationPresent(Path.class)) {
                builder.add(type, tagOf(ref), applicationPathOf(ref));
            }
        }
        return builder.build();
    }

    @GET
    @Path("docs")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Returns(value = String.class, mediaTypes = MediaType.TEXT_HTML)
    public Response docs() throws IOException {
        try (InputStream in = OpenApiResource.class.getResourceAsStream("/static/api-docs.html")) {
            return Response.ok(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .type("text/html; charset=utf-8").build();
        }
    }

    private <S> Class<?> classOf(ServiceReference<S> ref) {
        ServiceObjects<S> objects = context.getServiceObjects(ref);
        if (objects == null) {
            return null;
        }
        S service = objects.getService();
        if (service == null) {
            return null;
        }
        try {
            return service.getClass();
        } finally {
            objects.ungetService(service);
        }
    }

    /**
     * Where the resource's application is below {@code /api} ({@code mutual-aid} for the mutual aid module,
     * empty for the core): each module has its own application and the resource's {@code @Path} is relative to it.
     */
    private String applicationPathOf(ServiceReference<?> ref) throws InvalidSyntaxException {
        Object select = ref.getProperty("osgi.jaxrs.application.select");
        ServiceReference<?>[] apps = select == null ? null
                : context.getAllServiceReferences("javax.ws.rs.core.Application", select.toString());
        if (apps == null || apps.length == 0) {
            return "";
        }
        Arrays.sort(apps, Comparator.reverseOrder()); // the highest ranked, as the whiteboard picks it
        String base = String.valueOf(apps[0].getProperty("osgi.jaxrs.application.base"));
        return base.startsWith("/api") ? base.substring("/api".length()) : base;
    }

    private static String tagOf(ServiceReference<?> ref) {
        if (ref.getBundle() == null) {
            return "hub";
        }
        String module = ref.getBundle().getHeaders().get("UnionHub-Module");
        if (module != null) {
            return module.trim();
        }
        // the hub's own bundles (core, web, console) are one tag; another bundle's resources are tagged by its name
        String name = ref.getBundle().getSymbolicName();
        return name.startsWith("org.unionhub.") ? "core" : name;
    }
}
