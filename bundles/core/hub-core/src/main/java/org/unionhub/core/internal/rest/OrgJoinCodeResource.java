package org.unionhub.core.internal.rest;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
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
import org.unionhub.core.internal.join.JoinIntake;

/** A union's join code, for its officer to print as a QR code (扫码入会): the token and the join page's address. */
@Component(service = OrgJoinCodeResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.core)")
@JSONRequired
@Path("orgs/{id}/join-code")
@Produces(MediaType.APPLICATION_JSON)
public class OrgJoinCodeResource {

    /** {@code path} is the join page within the hub; {@code url} the same with the address the officer used. */
    public record JoinCode(long orgId, String token, String path, String url) {
    }

    private final JoinIntake intake;

    @Activate
    public OrgJoinCodeResource(@Reference JoinIntake intake) {
        this.intake = intake;
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public JoinCode get(@PathParam("id") long id, @Context SecurityContext sc, @Context UriInfo uri) {
        String token = intake.token(Requests.caller(sc), id);
        String path = "/m/join?u=" + token;
        return new JoinCode(id, token, path, uri.getBaseUri().resolve("/").toString().replaceAll("/$", "") + path);
    }

    /** The same code as a QR image (PNG, 360 px square) of its {@code url}, to print on a poster (扫码入会). */
    @GET
    @Path("qr.png")
    @Produces("image/png")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @Returns(value = byte[].class, mediaTypes = "image/png")
    public Response qr(@PathParam("id") long id, @Context SecurityContext sc, @Context UriInfo uri) {
        JoinCode code = get(id, sc, uri);
        return Response.ok(intake.qrPng(code.url(), 360), "image/png").build();
    }
}
