package org.unionhub.api.security;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Keeps personal identifiers (ID-card numbers) out of the database in plain text: values are
 * encrypted with the hub's own key, kept outside the database, and a keyed hash lets a module
 * look them up and enforce uniqueness without decrypting.
 */
@ProviderType
public interface PersonalDataCipher {

    String encrypt(String plain);

    String decrypt(String sealed);

    /** A deterministic keyed hash of {@code plain}, for unique indexes and exact-match search. */
    String blindIndex(String plain);
}
