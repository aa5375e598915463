package org.unionhub.core.internal.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

class TemplatesTest {

    private final Templates templates = new Templates();

    @Test
    void fillsParametersAndKeepsMissingOnesVisible() {
        assertEquals("【工会】您的验证码是042917，5分钟内有效。请勿告诉他人。",
                templates.text("code.sms", Map.of("code", "042917", "minutes", "5")));
        assertEquals("a {b} $1 c", Templates.fill("a {b} {x} c", Map.of("x", "$1")));
        assertEquals("互助理赔申请被退回", templates.title("mutualaid.CLAIM_RETURNED", Map.of()).orElseThrow());
    }

    @Test
    void anEventOnlyReachesAnInboxWhenATemplateNamesIt() {
        assertTrue(templates.has("jobfairs.APPLICATION_STATUS_CHANGED.HIRED"));
        assertFalse(templates.has("jobfairs.APPLICATION_STATUS_CHANGED.VIEWED"));
        assertFalse(templates.has("jobfairs.APPLICATION_STATUS_CHANGED"));
    }

    @Test
    void readsOneMemberOrMany() {
        assertEquals(List.of(7L), InboxEvents.members(new Event("org/unionhub/x/Y", Map.of("memberId", 7L))));
        assertEquals(List.of(3L, 4L), InboxEvents.members(new Event("org/unionhub/x/Y", Map.of("memberIds", List.of(3L, 4L)))));
        assertEquals(List.of(), InboxEvents.members(new Event("org/unionhub/x/Y", Map.of("members", 2))));
    }
}
