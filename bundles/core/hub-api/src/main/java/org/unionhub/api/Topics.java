package org.unionhub.api;

/** EventAdmin topics follow {@code org/unionhub/<module>/<EVENT>}; event properties use plain names. */
public final class Topics {

    public static final String PREFIX = "org/unionhub/";

    private Topics() {
    }

    public static String of(String moduleId, String event) {
        return PREFIX + moduleId + "/" + event;
    }

    /** All events of one module, for an EventHandler's {@code event.topics}. */
    public static String all(String moduleId) {
        return PREFIX + moduleId + "/*";
    }
}
