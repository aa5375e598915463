package org.unionhub.modelworkers.internal.rest;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
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
import org.unionhub.modelworkers.internal.Showcase;
import org.unionhub.modelworkers.internal.ShowcaseEntry;
import org.unionhub.modelworkers.internal.ShowcaseRequest;

/** The public showcase of model workers (网上劳模展览馆): open to anyone, read-only, nothing private. */
@Component(service = ShowcaseResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.modelworkers)")
@JSONRequired
@Path("showcase")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ShowcaseResource {

    private final Showcase showcase;

    @Activate
    public ShowcaseResource(@Reference Showcase showcase) {
        this.showcase = showcase;
    }

    @GET
    @PermitAll
    public Page<ShowcaseEntry> list(@QueryParam("name") String name, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit,
            @QueryParam("page") Integer page, @QueryParam("cursor") String cursor, @QueryParam("sort") String sort) {
        return showcase.list(name, PageRequest.of(offset, limit, page, cursor, sort));
    }

    @GET
    @Path("{recordId}")
    @PermitAll
    public ShowcaseEntry get(@PathParam("recordId") long recordId) {
        return showcase.get(recordId);
    }

    /** An officer puts a record on the showcase with the model worker's consent and a citation. */
    @PUT
    @Path("{recordId}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public ShowcaseEntry show(@PathParam("recordId") long recordId, ShowcaseRequest req, @Context SecurityContext sc) {
        return showcase.show(Requests.caller(sc), recordId, Requests.body(req));
    }

    @DELETE
    @Path("{recordId}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public void withdraw(@PathParam("recordId") long recordId, @Context SecurityContext sc) {
        showcase.withdraw(Requests.caller(sc), recordId);
    }
}
