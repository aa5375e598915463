package org.unionhub.core.internal.personal;

import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.unionhub.api.security.Roles;
import org.unionhub.api.web.Requests;

/** {@code /api/admin/retention}: the kinds of record kept for a limited time, a purge now, and the purge reports. */
@Component(service = RetentionResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.core)")
@JSONRequired
@Path("admin/retention")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class RetentionResource {

    private final Retention retention;

    @Activate
    public RetentionResource(@Reference Retention retention) {
        this.retention = retention;
    }

    @GET
    public List<RetentionRule> rules() {
        return retention.rules();
    }

    /** Runs the purge now, as the scheduled job would, and answers its report. */
    @POST
    @Path("runs")
    @Consumes(MediaType.WILDCARD)
    public PurgeReport run(@Context SecurityContext sc) {
        return retention.run(Requests.caller(sc));
    }

    /** The latest reports, newest first. */
    @GET
    @Path("runs")
    public List<PurgeReport> reports() {
        return retention.reports();
    }
}
