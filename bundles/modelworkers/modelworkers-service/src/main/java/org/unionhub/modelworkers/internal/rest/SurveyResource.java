package org.unionhub.modelworkers.internal.rest;

import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
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
import org.unionhub.modelworkers.internal.Subsidies;
import org.unionhub.modelworkers.internal.SurveyView;

/** The annual living-conditions surveys that call for relief; single surveys live under the record. */
@Component(service = SurveyResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.modelworkers)")
@JSONRequired
@Path("surveys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OFFICER})
public class SurveyResource {

    private final Subsidies subsidies;

    @Activate
    public SurveyResource(@Reference Subsidies subsidies) {
        this.subsidies = subsidies;
    }

    @GET
    @Path("flagged")
    public List<SurveyView> flagged(@QueryParam("year") Integer year, @QueryParam("orgId") Long orgId,
            @Context SecurityContext sc) {
        return subsidies.flagged(Requests.caller(sc), year, orgId);
    }
}
