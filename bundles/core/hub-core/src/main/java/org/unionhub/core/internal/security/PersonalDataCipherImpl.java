package org.unionhub.core.internal.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.security.PersonalDataCipher;

/**
 * AES-256-GCM for personal identifiers, HMAC-SHA256 for their blind index. The 64-byte key file
 * (32 bytes for each) lives outside the database folder and is created on first start.
 */
@Component(configurationPid = SecurityConfig.PID)
public class PersonalDataCipherImpl implements PersonalDataCipher {

    private static final int IV_BYTES = 12;
    private final Logger logger = LoggerFactory.getLogger(PersonalDataCipherImpl.class);
    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec aesKey;
    private final SecretKeySpec macKey;

    @Activate
    public PersonalDataCipherImpl(SecurityConfig config) throws IOException {
        this(loadOrCreate(Path.of(expand(config.key_file()))));
    }

    PersonalDataCipherImpl(byte[] key) {
        this.aesKey = new SecretKeySpec(Arrays.copyOfRange(key, 0, 32), "AES");
        this.macKey = new SecretKeySpec(Arrays.copyOfRange(key, 32, 64), "HmacSHA256");
    }

    @Override
    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt", e);
        }
    }

    @Override
    public String decrypt(String sealed) {
        if (sealed.isEmpty()) {
            return ""; // an erased value (a member's deletion empties what a required column must keep)
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, aesKey, new GCMParameterSpec(128, all, 0, IV_BYTES));
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot decrypt: wrong key file?", e);
        }
    }

    @Override
    public String blindIndex(String plain) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(macKey);
            return HexFormat.of().formatHex(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot hash", e);
        }
    }

    private static byte[] loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            byte[] key = Base64.getDecoder().decode(Files.readString(file).trim());
            if (key.length != 64) {
                throw new IOException("key file " + file + " does not hold 64 bytes");
            }
            return key;
        }
        byte[] key = new byte[64];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.getParent());
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL applies
        }
        LoggerFactory.getLogger(PersonalDataCipherImpl.class).info("Created personal data key {}", file);
        return key;
    }

    public static String expand(String path) {
        String out = path;
        for (String prop : new String[] {"karaf.data", "karaf.etc", "karaf.home"}) {
            String v = System.getProperty(prop);
            if (v != null) {
                out = out.replace("${" + prop + "}", v);
            }
        }
        return out;
    }
}
