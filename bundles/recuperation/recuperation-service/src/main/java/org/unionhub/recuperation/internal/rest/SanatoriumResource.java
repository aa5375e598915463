package org.unionhub.recuperation.internal.rest;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

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
import org.unionhub.api.web.Returns;
import org.unionhub.recuperation.internal.Catalogue;
import org.unionhub.recuperation.internal.Sanatorium;
import org.unionhub.recuperation.internal.SanatoriumRequest;

@Component(service = SanatoriumResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.recuperation)")
@JSONRequired
@Path("sanatoriums")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SanatoriumResource {

    private final Catalogue catalogue;

    @Activate
    public SanatoriumResource(@Reference Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @Returns(value = Sanatorium.class, status = 201)
    public Response create(SanatoriumRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        Sanatorium s = catalogue.createSanatorium(Requests.caller(sc), Requests.body(req));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(s.id())).build()).entity(s).build();
    }

    @GET
    public Page<Sanatorium> list(@QueryParam("region") String region, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit,
            @QueryParam("page") Integer page, @QueryParam("cursor") String cursor, @QueryParam("sort") String sort) {
        return catalogue.listSanatoriums(region, PageRequest.of(offset, limit, page, cursor, sort));
    }

    @GET
    @Path("{id}")
    public Sanatorium get(@PathParam("id") long id) {
        return catalogue.getSanatorium(id);
    }
}
