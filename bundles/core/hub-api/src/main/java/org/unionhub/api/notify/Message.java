package org.unionhub.api.notify;

import java.util.Map;

/**
 * One message: whom it is for (a member, an account or a phone number, as the channel needs), the template that
 * makes its text and the template's parameters. Parameters are plain strings; never put a password in one.
 */
public record Message(Channel channel, Long memberId, String username, String phone, String template,
        Map<String, String> params) {

    public Message {
        if (channel == null || template == null || template.isBlank()) {
            throw new IllegalArgumentException("a message needs a channel and a template");
        }
        if (memberId == null && username == null && phone == null) {
            throw new IllegalArgumentException("a message needs a member, an account or a phone number");
        }
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    public static Message sms(String phone, String template, Map<String, String> params) {
        return new Message(Channel.SMS, null, null, phone, template, params);
    }

    public static Message inbox(long memberId, String template, Map<String, String> params) {
        return new Message(Channel.INBOX, memberId, null, null, template, params);
    }
}
