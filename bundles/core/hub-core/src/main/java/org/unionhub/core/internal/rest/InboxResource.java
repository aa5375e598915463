package org.unionhub.core.internal.rest;

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
import org.unionhub.api.security.Caller;
import org.unionhub.api.web.Requests;
import org.unionhub.api.web.Returns;
import org.unionhub.core.internal.notify.Inbox;
import org.unionhub.core.internal.notify.Inbox.InboxMessage;

/** The signed-in member's own inbox: his messages only, newest first, with the unread count for the app's home. */
@Component(service = InboxResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.core)")
@JSONRequired
@Path("me/inbox")
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {

    public record UnreadCount(long unread) {
    }

    public record Marked(int marked) {
    }

    private final Inbox inbox;

    @Activate
    public InboxResource(@Reference Inbox inbox) {
        this.inbox = inbox;
    }

    @GET
    public Page<InboxMessage> list(@QueryParam("unread") Boolean unread, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @QueryParam("page") Integer page, @QueryParam("cursor") String cursor,
            @QueryParam("sort") String sort, @Context SecurityContext sc) {
        long member = member(sc);
        return inbox.list(member, unread, PageRequest.of(offset, limit, page, cursor, sort));
    }

    @GET
    @Path("unread")
    public UnreadCount unread(@Context SecurityContext sc) {
        return new UnreadCount(inbox.unread(member(sc)));
    }

    @POST
    @Path("{id}/read")
    @Consumes(MediaType.WILDCARD)
    @Returns(value = Void.class, status = 204)
    public Response read(@PathParam("id") long id, @Context SecurityContext sc) {
        inbox.markRead(member(sc), id);
        return Response.noContent().build();
    }

    @POST
    @Path("read")
    @Consumes(MediaType.WILDCARD)
    public Marked readAll(@Context SecurityContext sc) {
        return new Marked(inbox.markAllRead(member(sc)));
    }

    private static long member(SecurityContext sc) {
        Caller caller = Requests.caller(sc);
        if (caller.memberId() == null) {
            throw HubException.forbidden("the inbox belongs to member accounts; this account is not a member's");
        }
        return caller.memberId();
    }
}
