package io.replicator.camel;

import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.support.service.ServiceSupport;

/** Closes resources the application opened (servers, clients) when Camel stops. */
public final class CloseOnStop extends ServiceSupport {
    private final List<? extends AutoCloseable> resources;

    private CloseOnStop(List<? extends AutoCloseable> resources) {
        this.resources = resources;
    }

    public static void register(CamelContext ctx, List<? extends AutoCloseable> resources) throws Exception {
        ctx.addService(new CloseOnStop(List.copyOf(resources)), true, true);
    }

    @Override
    protected void doStop() throws Exception {
        for (AutoCloseable r : resources) {
            r.close();
        }
    }
}
