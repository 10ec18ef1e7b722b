package io.replicator.psk;

import java.io.IOException;

/** Client side of {@link PskHandler}: presents one key. One instance per channel. */
public final class PskClientHandler extends PskHandler {
    private final PskKey key;

    public PskClientHandler(PskKey key, PskSettings settings) {
        super(settings, "client");
        this.key = key;
    }

    @Override
    PskTlsEngine startEngine() throws IOException {
        return PskTlsEngine.client(key, facts);
    }

    @Override
    boolean isServer() {
        return false;
    }
}
