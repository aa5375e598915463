package org.unionhub.api.notify;

/** How a message reaches its recipient. */
public enum Channel {
    /** A text message to {@link Message#phone()}. */
    SMS,
    /** A WeChat service-account message to the member or account. */
    WECHAT,
    /** The member's inbox in the member app. */
    INBOX
}
