package org.unionhub.core.internal.rest;

import javax.annotation.security.PermitAll;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;
import org.unionhub.api.web.Requests;
import org.unionhub.api.web.Returns;
import org.unionhub.core.internal.phone.PhonePasswords;

/**
 * Phone codes and the member's own password (issue 21), without signing in: request a code, then set or reset the
 * password with it. Answers never tell whether a phone belongs to a member.
 */
@Component(service = PhoneResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.core)")
@JSONRequired
@Path("auth/phone")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PhoneResource {

    /**
     * {@code purpose}: {@code JOIN} (a join request), {@code PASSWORD} (set or reset a member's password) or
     * {@code CONSENT} (a join applicant sees or withdraws his consent: {@code /api/join/consents}).
     */
    public record CodeRequest(@Required @MaxLength(20) String phone, @Required @MaxLength(16) String purpose) {
    }

    public record PasswordRequest(@Required @MaxLength(20) String phone, @Required @MaxLength(6) String code,
            @Required @MaxLength(128) String password) {
    }

    private final PhonePasswords passwords;

    @Activate
    public PhoneResource(@Reference PhonePasswords passwords) {
        this.passwords = passwords;
    }

    /** 202 whether or not a code was sent (a PASSWORD code goes only to a member's phone); 429 when asked too often. */
    @POST
    @Path("codes")
    @PermitAll
    @Returns(value = Void.class, status = 202)
    public Response code(CodeRequest req, @Context HttpServletRequest http) {
        CodeRequest body = Requests.body(req);
        passwords.requestCode(body.phone(), body.purpose(), http == null ? null : http.getRemoteAddr());
        return Response.accepted().build();
    }

    /** Sets (after a join) or resets the member's password with the code sent to his phone. */
    @POST
    @Path("password")
    @PermitAll
    @Returns(value = Void.class, status = 204)
    public Response password(PasswordRequest req) {
        PasswordRequest body = Requests.body(req);
        passwords.setPassword(body.phone(), body.code(), body.password());
        return Response.noContent().build();
    }
}
