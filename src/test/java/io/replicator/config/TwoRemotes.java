package io.replicator.config;

import java.util.Map;

/** The two S3 remotes the configuration tests bind against: sto2 and osl1, each with its own credentials. */
final class TwoRemotes {
    private TwoRemotes() {
    }

    /** Puts the remotes' properties into p and answers p. */
    static Map<String, String> into(Map<String, String> p) {
        p.put("replicator.remotes.sto2.endpoint", "https://s3.sto2.example.com");
        p.put("replicator.remotes.sto2.access-key", "AKSTO2");
        p.put("replicator.remotes.sto2.secret-key", "very-secret-sto2");
        p.put("replicator.remotes.osl1.endpoint", "https://s3.osl1.example.com:8443");
        p.put("replicator.remotes.osl1.access-key", "AKOSL1");
        p.put("replicator.remotes.osl1.secret-key", "very-secret-osl1");
        return p;
    }
}
