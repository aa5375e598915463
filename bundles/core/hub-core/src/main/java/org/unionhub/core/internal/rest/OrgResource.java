package org.unionhub.core.internal.rest;

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
import org.unionhub.api.OrgKind;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.security.Roles;
import org.unionhub.api.web.Requests;
import org.unionhub.api.web.Returns;
import org.unionhub.core.internal.directory.Directory;
import org.unionhub.core.internal.directory.Org;
import org.unionhub.core.internal.directory.OrgRequest;

@Component(service = OrgResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.core)")
@JSONRequired
@Path("orgs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrgResource {

    private final Directory directory;

    @Activate
    public OrgResource(@Reference Directory directory) {
        this.directory = directory;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @Returns(value = Org.class, status = 201)
    public Response create(OrgRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        Org org = directory.createOrg(Requests.caller(sc), Requests.body(req));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(org.id())).build()).entity(org).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Page<Org> list(@QueryParam("parentId") Long parentId, @QueryParam("kind") OrgKind kind,
            @QueryParam("name") String name, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @QueryParam("page") Integer page, @QueryParam("cursor") String cursor, @QueryParam("sort") String sort,
            @Context SecurityContext sc) {
        return directory.listOrgs(Requests.caller(sc), parentId, kind, name,
                PageRequest.of(offset, limit, page, cursor, sort));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Org get(@PathParam("id") long id, @Context SecurityContext sc) {
        return directory.getOrg(Requests.caller(sc), id);
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Org update(@PathParam("id") long id, OrgRequest req, @Context SecurityContext sc) {
        return directory.updateOrg(Requests.caller(sc), id, Requests.body(req));
    }
}
