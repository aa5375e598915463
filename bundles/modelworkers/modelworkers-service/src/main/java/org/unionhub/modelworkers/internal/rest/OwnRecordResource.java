package org.unionhub.modelworkers.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
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
import org.unionhub.modelworkers.internal.OwnRecord;

/** The signed-in model worker's own record, titles, history and subsidies (the member app). */
@Component(service = OwnRecordResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.modelworkers)")
@JSONRequired
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public class OwnRecordResource {

    private final OwnRecord own;

    @Activate
    public OwnRecordResource(@Reference OwnRecord own) {
        this.own = own;
    }

    @GET
    public OwnRecord.MyRecord mine(@Context SecurityContext sc) {
        return own.of(Requests.caller(sc));
    }
}
