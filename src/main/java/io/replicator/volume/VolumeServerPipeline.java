package io.replicator.volume;

import io.netty.channel.ChannelPipeline;

/**
 * Adds the destination's handlers to a pipeline: frame decoder, then the session handler. Call it
 * after the TLS-PSK handler and before the application's own last handler (camel-netty's), which
 * receives one {@link SessionReport} per session as a channelRead message.
 */
public final class VolumeServerPipeline {
    public static final String FRAME_DECODER = "volume-frames";
    public static final String SESSION_HANDLER = "volume-session";

    private VolumeServerPipeline() {
    }

    public static void addTo(ChannelPipeline pipeline, DestinationContext context) {
        pipeline.addLast(FRAME_DECODER, new FrameDecoder());
        pipeline.addLast(SESSION_HANDLER, new DestinationHandler(context));
    }
}
