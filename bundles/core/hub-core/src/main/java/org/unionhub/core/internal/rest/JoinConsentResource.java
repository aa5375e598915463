package org.unionhub.core.internal.rest;

import java.util.List;

import javax.annotation.security.PermitAll;
import javax.ws.rs.Consumes;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;
import org.unionhub.api.web.Requests;
import org.unionhub.core.internal.join.JoinConsent;
import org.unionhub.core.internal.join.JoinConsents;

/**
 * A join applicant's own consents, without an account (issue 22): he asks for a {@code CONSENT} code
 * ({@code POST /api/auth/phone/codes}) and sends it with his phone. POST, not GET: the code is a secret and is used up.
 */
@Component(service = JoinConsentResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.core)")
@JSONRequired
@Path("join/consents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JoinConsentResource {

    /** The phone of his join requests and the {@code CONSENT} code sent to it. */
    public record PhoneProof(@Required @MaxLength(20) String phone, @Required @MaxLength(6) String code) {
    }

    private final JoinConsents consents;

    @Activate
    public JoinConsentResource(@Reference JoinConsents consents) {
        this.consents = consents;
    }

    /** What he consented to with each of his join requests, newest first. */
    @POST
    @PermitAll
    public List<JoinConsent> mine(PhoneProof proof) {
        PhoneProof p = Requests.body(proof);
        return consents.mine(p.phone(), p.code());
    }

    /** Withdraws a request's consent; a pending request is withdrawn with it. */
    @POST
    @Path("{joinRequestId}/withdraw")
    @PermitAll
    public JoinConsent withdraw(@PathParam("joinRequestId") long id, PhoneProof proof) {
        PhoneProof p = Requests.body(proof);
        return consents.withdraw(p.phone(), p.code(), id);
    }
}
