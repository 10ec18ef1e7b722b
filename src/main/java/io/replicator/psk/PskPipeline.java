package io.replicator.psk;

import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * Puts the TLS-PSK handlers at the socket end of a pipeline: an {@link IdleStateHandler} (idle
 * timeout, counting encrypted traffic and write progress both ways) and the TLS handler. Call it
 * from a ChannelInitializer (e.g. camel-netty's Server/ClientInitializerFactory), before or after
 * adding the application's handlers: these always go first.
 */
public final class PskPipeline {
    public static final String IDLE_HANDLER = "psk-idle";
    public static final String TLS_HANDLER = "psk-tls";

    private PskPipeline() {
    }

    public static PskServerHandler addServerHandlers(ChannelPipeline pipeline, PskKeyRing ring, PskSettings settings) {
        return install(pipeline, new PskServerHandler(ring, settings), settings);
    }

    public static PskClientHandler addClientHandlers(ChannelPipeline pipeline, PskKey key, PskSettings settings) {
        return install(pipeline, new PskClientHandler(key, settings), settings);
    }

    /** Adds an already constructed handler (one per channel) with its idle handler in front. */
    public static <H extends PskHandler> H install(ChannelPipeline pipeline, H handler, PskSettings settings) {
        pipeline.addFirst(TLS_HANDLER, handler);
        pipeline.addFirst(IDLE_HANDLER, idleHandler(settings));
        return handler;
    }

    private static IdleStateHandler idleHandler(PskSettings settings) {
        // observeOutput: a slow peer still draining our data is not idle.
        return new IdleStateHandler(true, 0, 0, settings.idleTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }
}
