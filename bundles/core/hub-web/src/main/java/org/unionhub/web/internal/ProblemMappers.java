package org.unionhub.web.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.FieldError;
import org.unionhub.api.HubException;
import org.unionhub.api.security.Authenticator;
import org.unionhub.api.security.TooManyAttempts;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every failure into {@code application/problem+json}: the client's mistakes into 4xx naming the
 * field, our own into a 500 that carries an incident id and no stack trace (the log has it).
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect("(unionhub.app=true)")
@JaxrsName("unionhub.problems")
@JSONRequired
public class ProblemMappers implements ExceptionMapper<Throwable> {

    private final Logger logger = LoggerFactory.getLogger(ProblemMappers.class);

    @Context
    private UriInfo uriInfo;

    @Context
    private HttpServletRequest servletRequest;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile OpenApiResource docs;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Authenticator authenticator;

    @Override
    public Response toResponse(Throwable e) {
        HttpServletRequest sent = servletRequest;
        if (sent != null) {
            try {
                sent.setAttribute(ProblemLanguage.ORIGIN, e); // whose texts come first (ProblemLanguage)
            } catch (RuntimeException outsideARequest) {
                logger.debug("No request to mark: {}", outsideARequest.toString());
            }
        }
        if (e instanceof HubException h) {
            Response r = Problem.response(h.status(), h.title(), h.detail(), h.errors());
            if (h instanceof TooManyAttempts t) {
                return Response.fromResponse(r).header("Retry-After", Long.toString(t.retryAfterSeconds())).build();
            }
            return h.status() == 503 ? Response.fromResponse(r).header("Retry-After", "1").build() : r;
        }
        if (e instanceof JsonProcessingException j) {
            return json(j);
        }
        if (e instanceof WebApplicationException w) {
            Throwable cause = w.getCause();
            if (cause instanceof JsonProcessingException j) {
                return json(j);
            }
            if (cause instanceof HubException h) {
                // thrown by a message body reader (InputRules); CXF wraps it in a plain 400
                return toResponse(h);
            }
            int status = w.getResponse() == null ? 500 : w.getResponse().getStatus();
            if (status == 404 && cause != null && !(cause instanceof WebApplicationException)) {
                // a query or path parameter that does not convert (e.g. ?limit=abc) is the client's fault
                return Problem.response(400, "Bad request", "a parameter has the wrong type: " + cause.getMessage(),
                        List.of());
            }
            if (status >= 500) {
                return incident(w);
            }
            if (status == 406) {
                Response signIn = signInFirst();
                if (signIn != null) {
                    return signIn;
                }
            }
            Response.StatusType type = w.getResponse().getStatusInfo();
            Response.ResponseBuilder r = Response.fromResponse(
                    Problem.response(status, type.getReasonPhrase(), w.getMessage(), List.of()));
            w.getResponse().getHeaders().forEach((k, v) -> {
                // CXF's Allow lists the methods of every resource it considered, on a 404 too: ours is computed below
                if (!k.equalsIgnoreCase("Content-Type") && !k.equalsIgnoreCase("Allow")) {
                    v.forEach(x -> r.header(k, x));
                }
            });
            if (status == 405) {
                r.header("Allow", allowed());
            }
            return r.build();
        }
        SQLException tooBig = sqlState(e, "22001", "22003");
        if (tooBig != null) {
            // a value the request limits did not catch but the column refused: still the client's input
            logger.warn("A column refused a value; a request limit is missing: {}", tooBig.getMessage());
            return Problem.response(422, "Invalid request", "a value is too long or too large for where it is stored",
                    List.of(new FieldError("$", "a value is too long or too large: " + tooBig.getMessage())));
        }
        if (TransientFailures.isTransient(e)) {
            logger.warn("Database busy or unreachable: {}", e.getMessage());
            return Response.fromResponse(Problem.response(503, "Service unavailable",
                    "the database is busy or unreachable; retry shortly", List.of())).header("Retry-After", "2").build();
        }
        return incident(e);
    }

    /** The methods the document declares for the requested path, as the Allow header of a 405 must list them. */
    private String allowed() {
        OpenApiResource docs = this.docs;
        if (docs == null || uriInfo == null) {
            return "";
        }
        try {
            // each module is an application of its own (/api/fairs, …), so the path is taken whole, less /api
            String full = uriInfo.getAbsolutePath().getRawPath();
            String path = full.startsWith(OpenApiBuilder.API_BASE) ? full.substring(OpenApiBuilder.API_BASE.length()) : full;
            return AllowedMethods.of(docs.openApi(), "/" + path.replaceAll("^/+", ""));
        } catch (Exception e) {
            logger.debug("No Allow header for {}: {}", uriInfo.getPath(), e.toString());
            return "";
        }
    }

    /** The 401 a caller who has not signed in gets instead of a 406 (see {@link SignInFirst}), or null. */
    private Response signInFirst() {
        HttpServletRequest sent = servletRequest;
        if (sent == null || uriInfo == null) {
            return null;
        }
        try {
            String full = uriInfo.getAbsolutePath().getRawPath();
            String path = full.startsWith(OpenApiBuilder.API_BASE) ? full.substring(OpenApiBuilder.API_BASE.length()) : full;
            OpenApiResource docs = this.docs;
            return SignInFirst.instead(docs == null ? null : docs.openApi(), new SignInFirst.Asked(
                    "/" + path.replaceAll("^/+", ""), sent.getMethod(), sent.getHeader("Authorization"),
                    sent.getHeader("X-Requested-With") != null, sent.getRemoteAddr()), authenticator);
        } catch (HubException e) {
            return toResponse(e); // too many failed sign-ins: 429
        } catch (Exception e) {
            logger.debug("Cannot tell whether {} needs sign-in: {}", uriInfo.getPath(), e.toString());
            return Problem.response(401, "Unauthorized", "sign in first", List.of());
        }
    }

    private static SQLException sqlState(Throwable e, String... states) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException q && q.getSQLState() != null && List.of(states).contains(q.getSQLState())) {
                return q;
            }
        }
        return null;
    }

    private static boolean clientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getClass().getName().endsWith(".EofException")) {
                return true;
            }
        }
        return false;
    }

    private Response json(JsonProcessingException j) {
        if (j instanceof StreamConstraintsException) {
            return Problem.response(422, "Invalid request", "a value in the body is too long",
                    List.of(new FieldError("$", j.getOriginalMessage())));
        }
        if (j instanceof JsonParseException || !(j instanceof JsonMappingException)) {
            String where = j.getLocation() == null ? "" : " at line " + j.getLocation().getLineNr() + ", column "
                    + j.getLocation().getColumnNr();
            return Problem.response(400, "Malformed JSON", "the body is not valid JSON" + where,
                    List.of(new FieldError("$", j.getOriginalMessage())));
        }
        JsonMappingException m = (JsonMappingException) j;
        String field = path(m);
        String message;
        if (m.getCause() instanceof StreamConstraintsException) {
            return Problem.response(422, "Invalid request", field + ": the number has too many digits",
                    List.of(new FieldError(field, "has too many digits")));
        }
        if (m instanceof MismatchedInputException mi && isWhole(mi.getTargetType())
                && String.valueOf(mi.getOriginalMessage()).contains("Floating-point")) {
            message = "must be a whole number";
        } else if (m instanceof InvalidFormatException f) {
            message = f.getTargetType() != null && f.getTargetType().isEnum()
                    ? "must be one of " + java.util.Arrays.toString(f.getTargetType().getEnumConstants())
                    : "cannot read '" + f.getValue() + "' as " + simple(f.getTargetType());
        } else if (m instanceof MismatchedInputException mi) {
            message = "has the wrong type: expected " + simple(mi.getTargetType());
        } else {
            message = m.getOriginalMessage();
        }
        return Problem.response(400, "Bad request", field + ": " + message, List.of(new FieldError(field, message)));
    }

    private static boolean isWhole(Class<?> t) {
        return t == int.class || t == long.class || t == short.class || t == Integer.class || t == Long.class
                || t == Short.class || t == java.math.BigInteger.class;
    }

    private static String path(JsonMappingException m) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "$" : sb.toString();
    }

    private static String simple(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        if (type.getName().startsWith("java.time")) {
            return "an ISO-8601 " + type.getSimpleName();
        }
        return "an object";
    }

    private Response incident(Throwable e) {
        if (clientGone(e)) {
            // the client closed the connection (a browser navigated away): nobody to answer, nothing broken
            logger.debug("Client went away: {}", e.toString());
            return Response.status(499).build();
        }
        String incident = UUID.randomUUID().toString();
        logger.error("Incident {}: {}", incident, e.toString(), e);
        return Problem.response(500, "Internal error", "the hub failed to answer; incident " + incident, List.of());
    }
}
