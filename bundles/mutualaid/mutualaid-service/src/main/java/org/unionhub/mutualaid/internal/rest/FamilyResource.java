package org.unionhub.mutualaid.internal.rest;

import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
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
import org.unionhub.api.security.Roles;
import org.unionhub.api.web.Requests;
import org.unionhub.api.web.Returns;
import org.unionhub.mutualaid.internal.FamilyMember;
import org.unionhub.mutualaid.internal.FamilyMembers;
import org.unionhub.mutualaid.internal.FamilyRequest;

/** The family members an enrolment covers. */
@Component(service = FamilyResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.mutualaid)")
@JSONRequired
@Path("plans/{id}/enrolments/{enrolmentId}/family")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FamilyResource {

    private final FamilyMembers family;

    @Activate
    public FamilyResource(@Reference FamilyMembers family) {
        this.family = family;
    }

    @POST
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.MEMBER})
    @Returns(value = FamilyMember.class, status = 201)
    public Response add(@PathParam("id") long id, @PathParam("enrolmentId") long enrolmentId, FamilyRequest req,
            @Context SecurityContext sc, @Context UriInfo uri) {
        FamilyMember f = family.add(Requests.caller(sc), id, enrolmentId, Requests.body(req));
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(f.id())).build()).entity(f).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, Roles.MEMBER})
    public List<FamilyMember> list(@PathParam("id") long id, @PathParam("enrolmentId") long enrolmentId,
            @Context SecurityContext sc) {
        return family.list(Requests.caller(sc), id, enrolmentId);
    }
}
