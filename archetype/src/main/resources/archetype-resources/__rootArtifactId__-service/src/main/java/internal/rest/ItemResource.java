package ${package}.internal.rest;

import javax.annotation.security.RolesAllowed;
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

import ${package}.api.Item;
import ${package}.api.ItemRequest;
import ${package}.api.ItemService;

/**
 * /api/${moduleId}/items. The hub gives the module its own JAX-RS application, base /api/${moduleId}, named
 * unionhub.${moduleId}: the resource selects it, so its paths are relative to that base and an update of this
 * module rebuilds no other module's application. HTTP in, service call, HTTP out: the rules and their errors
 * live in the service; the hub turns every HubException (and malformed JSON) into application/problem+json.
 */
@Component(service = ItemResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(osgi.jaxrs.name=unionhub.${moduleId})")
@JSONRequired
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ItemResource {

    private final ItemService items;

    @Activate
    public ItemResource(@Reference ItemService items) {
        this.items = items;
    }

    @POST
    @Path("items")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER})
    @Returns(value = Item.class, status = 201) // the document: 201 with Location and the created item
    public Response create(ItemRequest request, @Context SecurityContext sc, @Context UriInfo uri) {
        Item item = items.create(Requests.caller(sc), Requests.body(request));
        return Response.created(uri.getBaseUriBuilder().path("items/{id}").build(item.id())).entity(item).build();
    }

    @GET
    @Path("items")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, ItemService.READER, Roles.MEMBER})
    public Page<Item> list(@QueryParam("orgId") Long orgId, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit, @Context SecurityContext sc) {
        return items.list(Requests.caller(sc), orgId, PageRequest.of(offset, limit));
    }

    @GET
    @Path("items/{id}")
    @RolesAllowed({Roles.ADMIN, Roles.OFFICER, ItemService.READER})
    public Item get(@PathParam("id") long id, @Context SecurityContext sc) {
        return items.get(Requests.caller(sc), id);
    }
}
