package org.unionhub.modelworkers.internal.rest;

import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
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
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.security.Roles;
import org.unionhub.api.web.Requests;
import org.unionhub.modelworkers.internal.Subsidies;
import org.unionhub.modelworkers.internal.SubsidyKind;
import org.unionhub.modelworkers.internal.SubsidyView;
import org.unionhub.modelworkers.internal.YearTotal;

/** The special subsidy ledger (payments) and its yearly totals; applications are under {@code subsidies/applications}. */
@Component(service = SubsidyResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.modelworkers)")
@JSONRequired
@Path("subsidies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.OFFICER})
public class SubsidyResource {

    private final Subsidies subsidies;

    @Activate
    public SubsidyResource(@Reference Subsidies subsidies) {
        this.subsidies = subsidies;
    }

    @GET
    public Page<SubsidyView> list(@QueryParam("recordId") Long recordId, @QueryParam("year") Integer year,
            @QueryParam("kind") SubsidyKind kind, @QueryParam("orgId") Long orgId, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @QueryParam("page") Integer page, @QueryParam("cursor") String cursor, @QueryParam("sort") String sort, @Context SecurityContext sc) {
        return subsidies.list(Requests.caller(sc), recordId, year, kind, orgId,
                PageRequest.of(offset, limit, page, cursor, sort));
    }

    @GET
    @Path("{id}")
    public SubsidyView get(@PathParam("id") long id, @Context SecurityContext sc) {
        return subsidies.one(Requests.caller(sc), id);
    }

    @GET
    @Path("totals")
    public List<YearTotal> totals(@QueryParam("year") Integer year, @QueryParam("orgId") Long orgId,
            @Context SecurityContext sc) {
        return subsidies.totals(Requests.caller(sc), year, orgId);
    }
}
