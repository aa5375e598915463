package org.unionhub.api.personal;

import org.osgi.annotation.versioning.ProviderType;

/** The hub's personal-data key: which one is in force, and its rotation (the shell and the admin API call it). */
@ProviderType
public interface PersonalDataKeys {

    /** The first 8 bytes of the current key's SHA-256, in hex. */
    String keyId();

    /**
     * Seals every protected value of every installed module again under a new key while the hub serves, rebuilds the
     * blind indexes, then destroys the old key. Resumes an interrupted rotation instead of starting another.
     */
    KeyRotationReport rotate(String actor);
}
