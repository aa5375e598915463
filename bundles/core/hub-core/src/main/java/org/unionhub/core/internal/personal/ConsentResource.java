package org.unionhub.core.internal.personal;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.unionhub.api.web.Requests;

/** {@code /api/me/consents}: the signed-in member's consents, given and withdrawn. */
@Component(service = ConsentResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.core)")
@JSONRequired
@Path("me/consents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConsentResource {

    private final Consents consents;

    @Activate
    public ConsentResource(@Reference Consents consents) {
        this.consents = consents;
    }

    @GET
    public List<Consent> mine(@Context SecurityContext sc) {
        return consents.mine(Requests.caller(sc));
    }

    /** Records the member's consent to a notice as shown: one consent, plus one per separate sensitive consent. */
    @POST
    public List<Consent> give(ConsentBody body, @Context SecurityContext sc) {
        return consents.give(Requests.caller(sc), Requests.body(body));
    }

    @POST
    @Path("{id}/withdraw")
    @Consumes(MediaType.WILDCARD)
    public Consent withdraw(@PathParam("id") long id, @Context SecurityContext sc) {
        return consents.withdraw(Requests.caller(sc), id);
    }
}
