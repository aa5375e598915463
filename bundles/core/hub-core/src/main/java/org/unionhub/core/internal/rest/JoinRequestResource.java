package org.unionhub.core.internal.rest;

import java.util.Set;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.servlet.http.HttpServletRequest;
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

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.unionhub.api.HubException;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.security.Roles;
import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.web.Requests;
import org.unionhub.api.web.Returns;
import org.unionhub.core.internal.join.JoinForm;
import org.unionhub.core.internal.join.JoinIntake;
import org.unionhub.core.internal.join.JoinRequest;
import org.unionhub.core.internal.join.JoinRequests;

/**
 * Join requests: anyone sends one (no sign-in; 202 the same way whoever he is), the union's officers list theirs
 * (their organisation and below), approve or return them with a reason.
 */
@Component(service = JoinRequestResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.core)")
@JSONRequired
@Path("join/requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JoinRequestResource {

    public record ReturnReason(@MaxLength(500) String reason) {
    }

    private static final Set<String> STATUSES = Set.of("PENDING", "APPROVED", "RETURNED");
    private static final Set<String> KINDS = Set.of("JOIN", "TRANSFER");

    private final JoinIntake intake;
    private final JoinRequests requests;

    @Activate
    public JoinRequestResource(@Reference JoinIntake intake, @Reference JoinRequests requests) {
        this.intake = intake;
        this.requests = requests;
    }

    @POST
    @PermitAll
    @Returns(value = JoinIntake.Receipt.class, status = 202)
    public Response submit(JoinForm form, @Context HttpServletRequest http) {
        JoinIntake.Receipt r = intake.submit(Requests.body(form), http == null ? null : http.getRemoteAddr());
        return Response.accepted(r).build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public Page<JoinRequest> list(@QueryParam("status") String status, @QueryParam("kind") String kind,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit, @QueryParam("page") Integer page,
            @QueryParam("cursor") String cursor, @QueryParam("sort") String sort, @Context SecurityContext sc) {
        check("status", status, STATUSES);
        check("kind", kind, KINDS);
        return requests.list(Requests.caller(sc), status, kind, PageRequest.of(offset, limit, page, cursor, sort));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public JoinRequest get(@PathParam("id") long id, @Context SecurityContext sc) {
        return requests.get(Requests.caller(sc), id);
    }

    /** Creates the member and his account (or moves a transferring member); he is told by SMS to set his password. */
    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public JoinRequest approve(@PathParam("id") long id, @Context SecurityContext sc) {
        return requests.approve(Requests.caller(sc), id);
    }

    @POST
    @Path("{id}/return")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public JoinRequest giveBack(@PathParam("id") long id, ReturnReason body, @Context SecurityContext sc) {
        return requests.giveBack(Requests.caller(sc), id, Requests.body(body).reason());
    }

    private static void check(String field, String value, Set<String> allowed) {
        if (value != null && !value.isBlank() && !allowed.contains(value.trim())) {
            throw HubException.badRequest(field, "one of " + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
    }
}
