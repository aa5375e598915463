package org.unionhub.fairs.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.unionhub.api.HubException;

/** The claim's body as a member's phone and an officer's console send it, and the bad ones as 400s naming the field. */
class ClaimBodyTest {

    @Test
    void aBarePostOrAnEmptyObjectIsAMemberClaimingForHimself() {
        assertNull(ClaimBody.parse(null).memberId());
        assertNull(ClaimBody.parse("  ").memberId());
        assertNull(ClaimBody.parse("{}").memberId());
        assertNull(ClaimBody.parse("{\"memberId\": null, \"note\": \"x\"}").memberId());
    }

    @Test
    void anOfficerNamesTheMember() {
        assertEquals(12L, ClaimBody.parse("{\"memberId\": 12}").memberId());
    }

    @Test
    void badBodiesAre400sNamingTheField() {
        assertBad("{\"memberId\": 1.5}", "memberId");
        assertBad("{\"memberId\": \"12\"}", "memberId");
        assertBad("[12]", "$");
        assertBad("{\"memberId\": ", "$");
    }

    private static void assertBad(String body, String field) {
        HubException e = assertThrows(HubException.class, () -> ClaimBody.parse(body));
        assertEquals(400, e.status());
        assertEquals(field, e.errors().get(0).field(), body);
    }
}
