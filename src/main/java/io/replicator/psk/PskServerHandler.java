package io.replicator.psk;

import java.io.IOException;

/** Server side of {@link PskHandler}: accepts any identity of its key ring. One instance per channel. */
public final class PskServerHandler extends PskHandler {
    private final PskKeyRing ring;

    public PskServerHandler(PskKeyRing ring, PskSettings settings) {
        super(settings, "server");
        this.ring = ring;
    }

    @Override
    PskTlsEngine startEngine() throws IOException {
        return PskTlsEngine.server(ring, facts);
    }

    @Override
    boolean isServer() {
        return true;
    }
}
