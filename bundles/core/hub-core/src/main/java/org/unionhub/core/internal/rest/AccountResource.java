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
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.security.Roles;
import org.unionhub.api.web.Requests;
import org.unionhub.api.web.Returns;
import org.unionhub.core.internal.security.Account;
import org.unionhub.core.internal.security.AccountRequest;
import org.unionhub.core.internal.security.AccountStore;
import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;

@Component(service = AccountResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.core)")
@JSONRequired
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AccountResource {

    public record PasswordChange(@Required @MaxLength(128) String currentPassword, @Required @MaxLength(128) String newPassword) {
    }

    private final AccountStore accounts;

    @Activate
    public AccountResource(@Reference AccountStore accounts) {
        this.accounts = accounts;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Returns(value = Account.class, status = 201)
    public Response create(AccountRequest req, @Context SecurityContext sc, @Context UriInfo uri) {
        Account a = accounts.create(Requests.caller(sc), Requests.body(req));
        return Response.created(uri.getAbsolutePathBuilder().path(a.username()).build()).entity(a).build();
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    public Page<Account> list(@QueryParam("role") String role, @QueryParam("orgId") Long orgId,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit, @QueryParam("page") Integer page,
            @QueryParam("cursor") String cursor, @QueryParam("sort") String sort) {
        return accounts.list(role, orgId, PageRequest.of(offset, limit, page, cursor, sort));
    }

    @GET
    @Path("me")
    public Account me(@Context SecurityContext sc) {
        return accounts.get(Requests.caller(sc).username());
    }

    @PUT
    @Path("me/password")
    @Returns(value = Void.class, status = 204)
    public Response changePassword(PasswordChange req, @Context SecurityContext sc) {
        PasswordChange body = Requests.body(req);
        accounts.changeOwnPassword(Requests.caller(sc), body.currentPassword(), body.newPassword());
        return Response.noContent().build();
    }

    @GET
    @Path("{username}")
    @RolesAllowed(Roles.ADMIN)
    public Account get(@PathParam("username") String username) {
        return accounts.get(username);
    }

    @PUT
    @Path("{username}")
    @RolesAllowed(Roles.ADMIN)
    public Account update(@PathParam("username") String username, AccountRequest req, @Context SecurityContext sc) {
        return accounts.update(Requests.caller(sc), username, Requests.body(req));
    }

    /** Lifts the sign-in lock and back-off of an account (after repeated failed sign-ins). */
    @POST
    @Path("{username}/unlock")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    public Response unlock(@PathParam("username") String username, @Context SecurityContext sc) {
        accounts.unlock(Requests.caller(sc), username);
        return Response.noContent().build();
    }

    @GET
    @Path("roles")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    public java.util.Set<String> roles() {
        return accounts.knownRoles();
    }
}
