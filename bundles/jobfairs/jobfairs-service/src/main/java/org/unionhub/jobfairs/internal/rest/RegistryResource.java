package org.unionhub.jobfairs.internal.rest;

import java.util.List;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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
import org.unionhub.jobfairs.internal.Review;
import org.unionhub.jobfairs.internal.board.Registry;
import org.unionhub.jobfairs.internal.board.RegistryEmployer;
import org.unionhub.jobfairs.internal.board.RegistryRequest;
import org.unionhub.jobfairs.internal.board.RegistryStatus;

/** /api/jobfairs/registry: the year-round employer registry — self-registration, review, correction. */
@Component(service = RegistryResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.jobfairs)")
@JSONRequired
@Path("registry")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegistryResource {

    private final Registry registry;

    @Activate
    public RegistryResource(@Reference Registry registry) {
        this.registry = registry;
    }

    /** Public: an employer registers itself (bound to its employer account when signed in with one). */
    @POST
    @PermitAll
    @Returns(value = RegistryEmployer.class, status = 201)
    public Response register(RegistryRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        RegistryEmployer e = registry.register(Requests.caller(sc), Requests.body(req));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(e.id())).build()).entity(e).build();
    }

    @GET
    @PermitAll
    public Page<RegistryEmployer> list(@QueryParam("status") RegistryStatus status, @QueryParam("orgId") Long orgId,
            @QueryParam("q") String q, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @QueryParam("page") Integer page, @QueryParam("cursor") String cursor, @QueryParam("sort") String sort,
            @Context SecurityContext sc) {
        return registry.list(Requests.caller(sc), status, orgId, q, PageRequest.of(offset, limit, page, cursor, sort));
    }

    @GET
    @Path("mine")
    @RolesAllowed("employer")
    public List<RegistryEmployer> mine(@Context SecurityContext sc) {
        return registry.mine(Requests.caller(sc));
    }

    @GET
    @Path("{id: \\d+}")
    @PermitAll
    public RegistryEmployer get(@PathParam("id") long id, @Context SecurityContext sc) {
        return registry.get(Requests.caller(sc), id);
    }

    /** A returned registration, corrected and submitted again. */
    @PUT
    @Path("{id: \\d+}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, "employer"})
    public RegistryEmployer resubmit(@PathParam("id") long id, RegistryRequest req, @Context SecurityContext sc) {
        return registry.resubmit(Requests.caller(sc), id, Requests.body(req));
    }

    @POST
    @Path("{id: \\d+}/approve")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public RegistryEmployer approve(@PathParam("id") long id, Review review, @Context SecurityContext sc) {
        return registry.approve(Requests.caller(sc), id, review);
    }

    /** Back to the employer with the reason ({@code note}, required). */
    @POST
    @Path("{id: \\d+}/return")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public RegistryEmployer returnToEmployer(@PathParam("id") long id, Review review, @Context SecurityContext sc) {
        return registry.returnToEmployer(Requests.caller(sc), id, review);
    }
}
