package io.replicator.psk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The keys of one key file, in file order. A server accepts any of them (key rotation: add the
 * new identity, switch clients, remove the old one); a client uses the first, as stunnel does
 * when no PSKidentity is configured.
 */
public final class PskKeyRing {
    private final List<PskKey> keys;

    private PskKeyRing(List<PskKey> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a PSK key ring needs at least one key");
        }
        this.keys = List.copyOf(keys);
    }

    public static PskKeyRing of(List<PskKey> keys) {
        return new PskKeyRing(keys);
    }

    public static PskKeyRing of(PskKey... keys) {
        return new PskKeyRing(List.of(keys));
    }

    /** The key a client presents. */
    public PskKey first() {
        return keys.get(0);
    }

    public List<PskKey> keys() {
        return keys;
    }

    public List<String> identities() {
        List<String> ids = new ArrayList<>(keys.size());
        keys.forEach(k -> ids.add(k.identity()));
        return ids;
    }

    /** The key whose identity is exactly these bytes. */
    public Optional<PskKey> find(byte[] identity) {
        for (PskKey key : keys) {
            if (key.hasIdentity(identity)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "PskKeyRing" + identities();
    }
}
