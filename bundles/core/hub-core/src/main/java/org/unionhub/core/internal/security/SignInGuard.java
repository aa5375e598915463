package org.unionhub.core.internal.security;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins, counted per account and per client address, in memory. After {@code freeFailures} failures in
 * a row each further attempt must wait twice as long as the one before (1 s, 2 s, 4 s … up to 15 min); an account
 * with {@code lockAfter} failures in a row is locked until an admin unlocks it or {@code lockMillis} pass (0: until
 * unlocked). The answer to a throttled caller is computed from these counters alone, before any password hash, so
 * a flood of wrong passwords costs the hub next to nothing. Both maps are bounded: beyond {@link #MAX_TRACKED}
 * entries the quiet ones are dropped, then the oldest.
 *
 * <p>A member's own account (issue 21) is never locked and never throttled as a whole: its failures count per
 * account <em>and address</em> (and per address, as everyone's), so that nobody locks a member out of a coupon rush
 * by typing his phone number with wrong passwords from elsewhere; a member who forgot his password resets it with a
 * phone code. See docs/security.md.
 */
final class SignInGuard {

    static final int MAX_TRACKED = 20_000;
    private static final long MAX_DELAY_MS = 15 * 60_000L;
    private static final long FORGET_MS = 60 * 60_000L;

    record Settings(int freeFailures, int addressFreeFailures, int lockAfter, long lockMillis) {
    }

    private static final class Count {
        int failures;
        long lastFailure;
        long blockedUntil;
        long lockedUntil; // Long.MAX_VALUE: until an admin unlocks
    }

    private final Map<String, Count> accounts = new ConcurrentHashMap<>();
    private final Map<String, Count> addresses = new ConcurrentHashMap<>();
    private final Settings settings;

    SignInGuard(Settings settings) {
        this.settings = settings;
    }

    /** Milliseconds the caller must wait before his next attempt; 0 when he may try now. */
    long waitMillis(String username, String address, long now) {
        long wait = 0;
        Count a = accounts.get(key(username));
        if (a != null) {
            synchronized (a) {
                wait = Math.max(Math.max(a.lockedUntil, a.blockedUntil) - now, 0);
            }
        }
        Count pair = address == null ? null : accounts.get(pair(username, address));
        if (pair != null) {
            synchronized (pair) {
                wait = Math.max(wait, pair.blockedUntil - now);
            }
        }
        Count ip = address == null ? null : addresses.get(address);
        if (ip != null) {
            synchronized (ip) {
                wait = Math.max(wait, ip.blockedUntil - now);
            }
        }
        return wait;
    }

    boolean locked(String username, long now) {
        Count a = accounts.get(key(username));
        if (a == null) {
            return false;
        }
        synchronized (a) {
            return a.lockedUntil > now;
        }
    }

    /** Records a failure; answers true when it locked the account just now. */
    boolean failed(String username, String address, long now) {
        return failed(username, address, now, false);
    }

    /**
     * Records a failure; answers true when it locked the account just now. A member's account ({@code member}) is
     * counted per account and address and never locked.
     */
    boolean failed(String username, String address, long now, boolean member) {
        Settings s = settings;
        boolean lockedNow = false;
        Count a = count(accounts, member ? pair(username, address) : key(username));
        synchronized (a) {
            a.failures++;
            a.lastFailure = now;
            a.blockedUntil = now + delay(a.failures, s.freeFailures());
            if (!member && s.lockAfter() > 0 && a.failures >= s.lockAfter() && a.lockedUntil <= now) {
                a.lockedUntil = s.lockMillis() <= 0 ? Long.MAX_VALUE : now + s.lockMillis();
                lockedNow = true;
            }
        }
        if (address != null) {
            Count ip = count(addresses, address);
            synchronized (ip) {
                ip.failures++;
                ip.lastFailure = now;
                ip.blockedUntil = now + delay(ip.failures, s.addressFreeFailures());
            }
        }
        return lockedNow;
    }

    /** A correct password: the account's count starts again; the address's too (it holds a real user). */
    void succeeded(String username, String address) {
        accounts.remove(key(username));
        if (address != null) {
            accounts.remove(pair(username, address));
            addresses.remove(address);
        }
    }

    /** An admin's unlock: the account may sign in at once. */
    boolean unlock(String username) {
        return accounts.remove(key(username)) != null;
    }

    int tracked() {
        return accounts.size() + addresses.size();
    }

    static long delay(int failures, int free) {
        if (failures <= free) {
            return 0;
        }
        int doublings = Math.min(failures - free - 1, 20);
        return Math.min(1000L << doublings, MAX_DELAY_MS);
    }

    private Count count(Map<String, Count> map, String k) {
        if (map.size() >= MAX_TRACKED) {
            prune(map, System.currentTimeMillis());
        }
        return map.computeIfAbsent(k, x -> new Count());
    }

    /** Drops entries quiet for an hour and not locked; if that is not enough, every unlocked entry. */
    private static void prune(Map<String, Count> map, long now) {
        map.values().removeIf(c -> c.lastFailure < now - FORGET_MS && c.lockedUntil <= now);
        if (map.size() >= MAX_TRACKED) {
            for (Iterator<Count> it = map.values().iterator(); it.hasNext() && map.size() >= MAX_TRACKED / 2;) {
                if (it.next().lockedUntil <= now) {
                    it.remove();
                }
            }
        }
    }

    /** A member's failures from one address; a user name holds no '|' (AccountStore's pattern). */
    private static String pair(String username, String address) {
        return key(username) + "|" + address;
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase();
    }
}
