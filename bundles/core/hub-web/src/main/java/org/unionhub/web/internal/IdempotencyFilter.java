package org.unionhub.web.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.WriterInterceptor;
import javax.ws.rs.ext.WriterInterceptorContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.unionhub.api.FieldError;
import org.unionhub.api.HubException;
import org.unionhub.api.security.Caller;
import org.unionhub.api.web.IdempotentRequests;
import org.unionhub.api.web.IdempotentRequests.Answer;
import org.unionhub.api.web.IdempotentRequests.Claim;

/**
 * {@code Idempotency-Key} on a POST of a signed-in caller: the key is claimed after authentication and before the
 * resource runs; a 2xx answer is stored as sent (status, {@code Location}, body) and replayed to a request that
 * repeats the key; any other answer releases the key, so a corrected retry may reuse it. A POST without the header
 * runs as always. Anonymous POSTs are not keyed (no account to scope the key to).
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class, WriterInterceptor.class})
@JaxrsExtension
@JaxrsApplicationSelect("(unionhub.app=true)")
@JaxrsName("unionhub.idempotency")
@JSONRequired
@Priority(Priorities.AUTHORIZATION + 100) // after AuthFilter has set the caller and checked the roles
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    static final String CLAIM = "unionhub.idempotency.claim";
    static final String HEAD = "unionhub.idempotency.head";
    static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_KEY = 200;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile IdempotentRequests store;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(IdempotentRequests.HEADER);
        IdempotentRequests store = this.store;
        if (key == null || store == null || !"POST".equals(request.getMethod())
                || !(request.getSecurityContext().getUserPrincipal() instanceof Caller caller) || caller.isAnonymous()) {
            return;
        }
        key = key.trim();
        if (key.isEmpty() || key.length() > MAX_KEY || !key.chars().allMatch(ch -> ch > 32 && ch < 127)) {
            request.abortWith(Problem.response(400, "Bad request", IdempotentRequests.HEADER + ": must be 1 to "
                    + MAX_KEY + " visible ASCII characters", List.of(new FieldError(IdempotentRequests.HEADER,
                            "must be 1 to " + MAX_KEY + " visible ASCII characters"))));
            return;
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        Claim claim = new Claim(caller.username(), request.getMethod(),
                request.getUriInfo().getAbsolutePath().getRawPath(), key, sha256(body));
        Optional<Answer> first;
        try {
            first = store.begin(claim);
        } catch (HubException h) {
            request.abortWith(Problem.response(h.status(), h.title(), h.detail(), h.errors()));
            return;
        }
        if (first.isPresent()) {
            request.abortWith(replay(first.get()));
            return;
        }
        request.setProperty(CLAIM, claim);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
            return;
        }
        IdempotentRequests store = this.store;
        if (store == null) {
            return;
        }
        if (response.getStatus() < 200 || response.getStatus() > 299) {
            store.release(claim);
            request.removeProperty(CLAIM);
            return;
        }
        String location = response.getHeaderString("Location");
        if (!response.hasEntity()) {
            store.finish(claim, new Answer(response.getStatus(), location, null, new byte[0]));
            request.removeProperty(CLAIM);
            return;
        }
        // the body is written after the response filters: the writer interceptor below stores it
        request.setProperty(HEAD, new Answer(response.getStatus(), location, null, null));
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(CLAIM) instanceof Claim claim) || !(context.getProperty(HEAD) instanceof Answer head)) {
            context.proceed();
            return;
        }
        context.removeProperty(CLAIM);
        OutputStream out = context.getOutputStream();
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        context.setOutputStream(new Tee(out, copy));
        boolean written = false;
        try {
            context.proceed();
            written = true;
        } finally {
            IdempotentRequests store = this.store;
            if (store != null) {
                if (written) {
                    String type = context.getMediaType() == null ? null : context.getMediaType().toString();
                    store.finish(claim, new Answer(head.status(), head.location(), type, copy.toByteArray()));
                } else {
                    store.release(claim);
                }
            }
        }
    }

    static Response replay(Answer a) {
        Response.ResponseBuilder r = Response.status(a.status()).header(REPLAYED, "true");
        if (a.location() != null) {
            r.header("Location", a.location());
        }
        if (a.body() != null && a.body().length > 0) {
            InputStream body = new ByteArrayInputStream(a.body());
            r.entity(body).type(a.contentType() == null ? "application/json" : a.contentType());
        }
        return r.build();
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** Writes to the client and keeps a copy for the store. */
    private static final class Tee extends OutputStream {
        private final OutputStream out;
        private final ByteArrayOutputStream copy;

        Tee(OutputStream out, ByteArrayOutputStream copy) {
            this.out = out;
            this.copy = copy;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            copy.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            copy.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
