package org.unionhub.fairs.internal.rest;

import org.unionhub.api.HubException;
import org.unionhub.fairs.internal.ClaimRequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the body of a claim into {@link ClaimRequest}. A member's phone claims with a bare POST (no body and no
 * Content-Type), for which JAX-RS finds no JSON reader, so the claim takes its body as text and reads it here with the
 * JSON reader's rules: a JSON object or nothing, {@code memberId} a whole number or absent, other fields ignored.
 */
final class ClaimBody {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClaimBody() {
    }

    static ClaimRequest parse(String body) {
        if (body == null || body.isBlank()) {
            return new ClaimRequest(null);
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw HubException.badRequest("$", "malformed JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw HubException.badRequest("$", "a JSON object is required");
        }
        JsonNode m = json.path("memberId");
        if (m.isMissingNode() || m.isNull()) {
            return new ClaimRequest(null);
        }
        if (!m.isIntegralNumber()) {
            throw HubException.badRequest("memberId", "must be a whole number");
        }
        return new ClaimRequest(m.asLong());
    }
}
