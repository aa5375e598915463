package org.unionhub.core.internal.security;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
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
import org.slf4j.LoggerFactory;
import org.unionhub.api.security.PersonalDataCipher;

/**
 * AES-256-GCM for personal identifiers, HMAC-SHA256 for their blind index. The 64-byte key file (32 bytes for each)
 * lives outside the database folder and is created on first start. During a key rotation the previous key waits in
 * {@code <key file>.old}: values are sealed and indexed with the new key, and read with whichever key opens them (GCM
 * says which), until {@link #finishRotation} destroys the old one.
 */
@Component(configurationPid = SecurityConfig.PID, service = {PersonalDataCipher.class, PersonalDataCipherImpl.class})
public class PersonalDataCipherImpl implements PersonalDataCipher {

    private static final int IV_BYTES = 12;
    private final SecureRandom random = new SecureRandom();
    private final Path file;
    private volatile Keys current;
    private volatile Keys previous;

    private record Keys(SecretKeySpec aes, SecretKeySpec mac, String id) {
        static Keys of(byte[] key) {
            try {
                String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 8);
                return new Keys(new SecretKeySpec(Arrays.copyOfRange(key, 0, 32), "AES"),
                        new SecretKeySpec(Arrays.copyOfRange(key, 32, 64), "HmacSHA256"), id);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Activate
    public PersonalDataCipherImpl(SecurityConfig config) throws IOException {
        this.file = Path.of(expand(config.key_file()));
        byte[] key = loadOrCreate(file);
        this.current = Keys.of(key);
        Path old = oldFile();
        if (Files.exists(old)) {
            byte[] before = read(old);
            if (Arrays.equals(before, key)) {
                Files.delete(old); // the crash came before the new key was written: no rotation is under way
            } else {
                this.previous = Keys.of(before);
            }
        }
    }

    PersonalDataCipherImpl(byte[] key) {
        this.file = null;
        this.current = Keys.of(key);
    }

    @Override
    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, current.aes(), new GCMParameterSpec(128, iv));
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
        Keys now = current;
        Keys before = previous;
        try {
            return open(sealed, now);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            if (before != null) {
                try {
                    return open(sealed, before);
                } catch (GeneralSecurityException | IllegalArgumentException ignored) {
                    // neither key: fall through
                }
            }
            throw new IllegalStateException("cannot decrypt: wrong key file?", e);
        }
    }

    /** Whether {@code sealed} opens with the current key (a rotation skips such values). */
    public boolean sealedWithCurrentKey(String sealed) {
        try {
            open(sealed, current);
            return true;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String open(String sealed, Keys keys) throws GeneralSecurityException {
        byte[] all = Base64.getDecoder().decode(sealed);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, keys.aes(), new GCMParameterSpec(128, all, 0, IV_BYTES));
        return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
    }

    @Override
    public String blindIndex(String plain) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(current.mac());
            return HexFormat.of().formatHex(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot hash", e);
        }
    }

    /** The first 8 bytes of the current key's SHA-256, in hex: how reports and backups name a key. */
    public String keyId() {
        return current.id();
    }

    public boolean rotating() {
        return previous != null;
    }

    /**
     * Starts a rotation: the current key goes to {@code <key file>.old}, a new one replaces the key file (atomically)
     * and seals and indexes from now on. Answers false, changing nothing, when a rotation is already under way.
     */
    public synchronized boolean beginRotation() throws IOException {
        if (previous != null) {
            return false;
        }
        byte[] now = read(file);
        write(oldFile(), now);
        byte[] next = new byte[64];
        random.nextBytes(next);
        Path tmp = file.resolveSibling(file.getFileName() + ".new");
        write(tmp, next);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        previous = Keys.of(now);
        current = Keys.of(next);
        return true;
    }

    /** Ends a rotation: the old key is overwritten and deleted; values it sealed cannot be read any more. */
    public synchronized void finishRotation() throws IOException {
        Path old = oldFile();
        if (Files.exists(old)) {
            byte[] noise = new byte[(int) Files.size(old)];
            random.nextBytes(noise);
            Files.write(old, noise);
            Files.delete(old);
        }
        previous = null;
    }

    private Path oldFile() {
        return file.resolveSibling(file.getFileName() + ".old");
    }

    private static byte[] read(Path f) throws IOException {
        byte[] key = Base64.getDecoder().decode(Files.readString(f).trim());
        if (key.length != 64) {
            throw new IOException("key file " + f + " does not hold 64 bytes");
        }
        return key;
    }

    private static void write(Path f, byte[] key) throws IOException {
        Files.createDirectories(f.getParent());
        Files.writeString(f, Base64.getEncoder().encodeToString(key) + "\n");
        try {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL applies
        }
    }

    private static byte[] loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return read(file);
        }
        byte[] key = new byte[64];
        new SecureRandom().nextBytes(key);
        write(file, key);
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
