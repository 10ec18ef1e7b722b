package io.replicator.platform;

import java.util.Map;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.component.master.MasterComponent;
import org.apache.camel.component.master.MasterEndpoint;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.apache.camel.util.StringHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Camel's master component, with one more check: an exchange from the guarded consumer is processed only while
 * this replica leads the lock namespace. camel-master 4.18.0 starts the guarded consumer one second after a
 * leadership event and does not cancel that start when leadership is lost meanwhile (CAMEL-24583, fixed after
 * 4.18.0). camel-kubernetes 4.18.0 produces exactly that sequence when a leader's Pod turns unready while its
 * process runs on: it briefly reports the stale Lease holder (itself) as leader, then the new one. The consumer
 * then keeps firing on the old leader as well; this check drops those exchanges.
 */
final class LeaderCheckingMasterComponent extends MasterComponent {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderCheckingMasterComponent.class);

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        // Same syntax as MasterComponent: master:<namespace>:<delegate uri>, the query belongs to the delegate.
        String namespace = StringHelper.before(remaining, ":");
        String delegateUri = StringHelper.after(remaining, ":");
        if (namespace == null || namespace.isEmpty() || delegateUri == null || delegateUri.isEmpty()) {
            throw new IllegalArgumentException("expected master:<lock namespace>:<consumer uri>, got " + uri);
        }
        if (parameters != null && !parameters.isEmpty()) {
            delegateUri = delegateUri + "?" + uri.substring(uri.indexOf('?') + 1);
        }
        return new LeaderCheckingEndpoint(uri, this, getService(), namespace, delegateUri);
    }

    private static final class LeaderCheckingEndpoint extends MasterEndpoint {
        private final CamelClusterService service;

        LeaderCheckingEndpoint(String uri, MasterComponent component, CamelClusterService service, String namespace,
                String delegateUri) {
            super(uri, component, service, namespace, delegateUri);
            this.service = service;
        }

        @Override
        public Consumer createConsumer(Processor processor) throws Exception {
            return super.createConsumer(new LeaderOnly(processor, service, getNamespace()));
        }
    }

    private static final class LeaderOnly extends DelegateAsyncProcessor {
        private final CamelClusterService service;
        private final String namespace;

        LeaderOnly(Processor processor, CamelClusterService service, String namespace) {
            super(processor);
            this.service = service;
            this.namespace = namespace;
        }

        @Override
        public boolean process(Exchange exchange, AsyncCallback callback) {
            if (service.isLeader(namespace)) {
                return super.process(exchange, callback);
            }
            LOG.warn("Ignored a trigger of {} on this replica: it does not lead lock namespace {} (a consumer left"
                    + " running after leadership moved)", exchange.getFromEndpoint(), namespace);
            callback.done(true);
            return true;
        }
    }
}
