package org.unionhub.core.internal.rest;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.unionhub.api.HubException;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.notify.Channel;
import org.unionhub.api.security.Roles;
import org.unionhub.core.internal.notify.Outbox;
import org.unionhub.core.internal.notify.Outbox.OutboxEntry;

/** What the shipped notifier sent, newest first, for admins (and tests reading a one-time code). */
@Component(service = OutboxResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.core)")
@JSONRequired
@Path("admin/outbox")
@Produces(MediaType.APPLICATION_JSON)
public class OutboxResource {

    private final Outbox outbox;

    @Activate
    public OutboxResource(@Reference Outbox outbox) {
        this.outbox = outbox;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    public Page<OutboxEntry> list(@QueryParam("channel") String channel, @QueryParam("template") String template,
            @QueryParam("memberId") Long memberId, @QueryParam("username") String username,
            @QueryParam("phone") String phone, @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit,
            @QueryParam("page") Integer page, @QueryParam("cursor") String cursor, @QueryParam("sort") String sort) {
        PageRequest p = PageRequest.of(offset, limit, page, cursor, sort);
        return outbox.list(new Outbox.Filter(channel(channel), template, memberId, username, phone), p);
    }

    private static String channel(String channel) {
        if (channel == null || channel.isBlank()) {
            return null;
        }
        try {
            return Channel.valueOf(channel.trim()).name();
        } catch (IllegalArgumentException e) {
            throw HubException.badRequest("channel", "must be one of SMS, WECHAT, INBOX");
        }
    }
}
