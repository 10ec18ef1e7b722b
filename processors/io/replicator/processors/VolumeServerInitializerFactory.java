package io.replicator.processors;

import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.replicator.psk.PskKeyRing;
import io.replicator.psk.PskPipeline;
import io.replicator.psk.PskSettings;
import io.replicator.volume.DestinationContext;
import io.replicator.volume.VolumeServerPipeline;
import org.apache.camel.component.netty.NettyConsumer;
import org.apache.camel.component.netty.ServerInitializerFactory;
import org.apache.camel.component.netty.handlers.ServerChannelHandler;

/**
 * The pipeline of a volume-destination's camel-netty consumer: TLS-PSK, then the volume protocol
 * (framing, codec, session), then Camel's handler, which receives one SessionReport per session.
 */
public final class VolumeServerInitializerFactory extends ServerInitializerFactory {
    private final PskKeyRing keys;
    private final PskSettings psk;
    private final DestinationContext destination;
    private final NettyConsumer consumer;

    public VolumeServerInitializerFactory(PskKeyRing keys, PskSettings psk, DestinationContext destination) {
        this(keys, psk, destination, null);
    }

    private VolumeServerInitializerFactory(PskKeyRing keys, PskSettings psk, DestinationContext destination,
                                           NettyConsumer consumer) {
        this.keys = keys;
        this.psk = psk;
        this.destination = destination;
        this.consumer = consumer;
    }

    @Override
    public ServerInitializerFactory createPipelineFactory(NettyConsumer nettyConsumer) {
        return new VolumeServerInitializerFactory(keys, psk, destination, nettyConsumer);
    }

    @Override
    protected void initChannel(Channel ch) {
        ChannelPipeline p = ch.pipeline();
        PskPipeline.addServerHandlers(p, keys, psk);
        VolumeServerPipeline.addTo(p, destination);
        p.addLast("camel", new ServerChannelHandler(consumer));
    }
}
